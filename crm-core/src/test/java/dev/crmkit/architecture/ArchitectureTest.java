package dev.crmkit.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.crmkit.core.CrmCodeNamingADomain;
import dev.crmkit.core.customer.archfixture.CustomerCodeNamingADomain;
import dev.crmkit.core.customer.archfixture.CustomerCodeUsingInfrastructure;
import dev.crmkit.core.cyclea.Alpha;
import dev.crmkit.core.cycleb.Beta;
import dev.crmkit.inmemory.archfixture.InMemoryMarker;
import dev.crmkit.jdbc.archfixture.JdbcCodeUsingCore;
import dev.crmkit.model.archfixture.ModelCodeNamingAStore;
import dev.crmkit.spi.archfixture.SpiCodeUsingGuava;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md, checked on the production classes of every module on this test's class
 * path (SPI, core, in-memory and JDBC adapters). Each rule is also run against a deliberate violation kept in
 * this module's test sources, so a rule that silently checks nothing (a misspelt package) shows up as a failure.
 */
class ArchitectureTest {
    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crmkit");
    }

    private static JavaClasses violations(Class<?>... fixtures) {
        return new ClassFileImporter().importClasses(fixtures);
    }

    @Nested
    class Rule_1_adapters_and_core_never_depend_on_each_other {
        @Test
        void adapters_do_not_depend_on_the_core() {
            assertThatCode(() -> ArchitectureRules.ADAPTERS_DO_NOT_USE_CORE.check(production)).doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_an_adapter_class_that_uses_the_core() {
            assertThatThrownBy(() -> ArchitectureRules.ADAPTERS_DO_NOT_USE_CORE.check(violations(JdbcCodeUsingCore.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("JdbcCodeUsingCore");
        }

        @Test
        void the_core_does_not_depend_on_an_adapter() {
            assertThatCode(() -> ArchitectureRules.CORE_DOES_NOT_USE_ADAPTERS.check(production)).doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_a_core_class_that_uses_an_adapter() {
            assertThatThrownBy(() -> ArchitectureRules.CORE_DOES_NOT_USE_ADAPTERS.check(
                    violations(CustomerCodeUsingInfrastructure.class, InMemoryMarker.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("CustomerCodeUsingInfrastructure");
        }
    }

    @Nested
    class Rule_2_domain_packages_form_no_cycles_and_use_only_what_they_declare {
        @Test
        void core_packages_are_free_of_cycles() {
            assertThatCode(() -> ArchitectureRules.CORE_PACKAGES_FREE_OF_CYCLES.check(production)).doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_a_cycle_between_two_packages() {
            assertThatThrownBy(() -> ArchitectureRules.CORE_PACKAGES_FREE_OF_CYCLES.check(violations(Alpha.class, Beta.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("cycle");
        }

        @Test
        void every_domain_uses_only_common_and_the_domains_its_package_documentation_names() {
            for (ArchRule rule : ArchitectureRules.domainDependencyRules()) {
                assertThatCode(() -> rule.check(production)).as(rule.getDescription()).doesNotThrowAnyException();
            }
        }

        @Test
        void the_rule_catches_a_domain_that_uses_an_undeclared_domain() {
            ArchRule customerRule = ArchitectureRules.domainDependencyRule("customer");
            assertThatThrownBy(() -> customerRule.check(violations(CustomerCodeUsingInfrastructure.class, Alpha.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("cyclea.Alpha");
        }
    }

    @Nested
    class Crm_and_the_customer_domain_name_no_other_domain {
        @Test
        void crm_names_no_domain() {
            assertThatCode(() -> ArchitectureRules.CRM_NAMES_NO_DOMAIN.check(production)).doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_crm_code_that_names_a_domain() {
            assertThatThrownBy(() -> ArchitectureRules.CRM_NAMES_NO_DOMAIN.check(violations(CrmCodeNamingADomain.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("CrmCodeNamingADomain")
                    .hasMessageContaining("LeadService");
        }

        @Test
        void the_customer_domain_names_no_other_domain_in_the_core_or_the_storage_contract() {
            assertThatCode(() -> ArchitectureRules.CUSTOMER_NAMES_NO_OTHER_DOMAIN.check(production))
                    .doesNotThrowAnyException();
        }

        @Test
        void the_customer_rule_catches_customer_code_that_names_another_domain() {
            assertThatThrownBy(() -> ArchitectureRules.CUSTOMER_NAMES_NO_OTHER_DOMAIN.check(
                    violations(CustomerCodeNamingADomain.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("LeadStorage").hasMessageContaining("OpportunityService");
        }
    }

    @Nested
    class Rule_3_domain_packages_stay_free_of_infrastructure {
        @Test
        void domain_packages_import_no_jdbc_jackson_slf4j_binding_or_adapter() {
            assertThatCode(() -> ArchitectureRules.DOMAINS_FREE_OF_INFRASTRUCTURE.check(production)).doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_a_domain_class_that_uses_jdbc() {
            assertThatThrownBy(() -> ArchitectureRules.DOMAINS_FREE_OF_INFRASTRUCTURE.check(
                    violations(CustomerCodeUsingInfrastructure.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("java.sql.Connection");
        }
    }

    @Nested
    class Rule_4_the_spi_depends_on_the_jdk_only {
        @Test
        void spi_classes_depend_only_on_the_jdk() {
            assertThatCode(() -> ArchitectureRules.SPI_DEPENDS_ON_JDK_ONLY.check(production)).doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_an_spi_class_that_uses_guava() {
            assertThatThrownBy(() -> ArchitectureRules.SPI_DEPENDS_ON_JDK_ONLY.check(violations(SpiCodeUsingGuava.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("com.google.common");
        }
    }

    @Nested
    class The_model_names_no_storage_type {
        @Test
        void model_classes_name_no_spi_type() {
            assertThatCode(() -> ArchitectureRules.MODEL_NAMES_NO_STORAGE_TYPE.check(production))
                    .doesNotThrowAnyException();
        }

        @Test
        void the_rule_catches_a_model_class_that_names_a_store() {
            assertThatThrownBy(() -> ArchitectureRules.MODEL_NAMES_NO_STORAGE_TYPE.check(
                    violations(ModelCodeNamingAStore.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("dev.crmkit.spi.customer.CustomerStore");
        }
    }
}
