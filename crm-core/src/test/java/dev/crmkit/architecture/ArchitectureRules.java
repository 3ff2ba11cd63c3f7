package dev.crmkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The rules of DESIGN.md as ArchUnit rules; {@link ArchitectureTest} runs them on the code and on violations. */
final class ArchitectureRules {
    /**
     * Which core packages each domain package may use besides itself and {@code common}: the same list its
     * package-info.java names. A new domain adds its line here.
     */
    static final Map<String, Set<String>> DECLARED_DOMAIN_USES = Map.ofEntries(
            Map.entry("customer", Set.of("module")),
            Map.entry("customfield", Set.of("module")),
            Map.entry("touchpoint", Set.of("customer", "scheduling", "module")),
            Map.entry("view", Set.of("customer", "touchpoint", "module")),
            Map.entry("scheduling", Set.of()),
            Map.entry("team", Set.of("customer", "module")),
            Map.entry("lead", Set.of("customer", "team", "opportunity", "scheduling", "module")),
            Map.entry("opportunity", Set.of("scheduling", "module")),
            Map.entry("forecast", Set.of("team", "port", "module", "scheduling")),
            Map.entry("module", Set.of("scheduling")),
            Map.entry("event", Set.of("port")),
            Map.entry("port", Set.of()),
            Map.entry("internal", Set.of("module", "event", "port", "scheduling")),
            Map.entry("interchange", Set.of("lead", "customer", "messaging")),
            Map.entry("messaging", Set.of("port", "scheduling", "module")),
            Map.entry("loyalty", Set.of("port", "scheduling", "module", "messaging")),
            Map.entry("ticket", Set.of("scheduling", "team", "touchpoint", "module", "messaging")));

    /**
     * The packages {@code Crm}'s own package may use: the plumbing every domain plugs into, and no domain. A new domain
     * is therefore kept out of {@code Crm} without this list changing.
     */
    static final String[] HUB_MAY_USE = {
        "dev.crmkit.core", "dev.crmkit.core.common..", "dev.crmkit.core.module..", "dev.crmkit.core.event..",
        "dev.crmkit.core.port..", "dev.crmkit.core.scheduling..", "dev.crmkit.core.internal.."
    };

    /**
     * {@code Crm} names no domain: it composes whatever domains are registered (the domain-modules rule). The customer
     * package, the other hub a merge used to run through, is held to the same by its declared uses above.
     */
    static final ArchRule CRM_NAMES_NO_DOMAIN = noClasses()
            .that().resideInAPackage("dev.crmkit.core")
            .should().dependOnClassesThat(resideInAPackage("dev.crmkit.core..").and(not(resideInAnyPackage(HUB_MAY_USE))))
            .because("Crm composes the registered domains and names none of them, so a new domain edits no hub");

    /** The domain packages that hold the model, as opposed to the kernel and the plumbing. */
    static final String[] DOMAIN_PACKAGES = {
        "dev.crmkit.core.customer..", "dev.crmkit.core.customfield..", "dev.crmkit.core.touchpoint..",
        "dev.crmkit.core.view..", "dev.crmkit.core.team..",
        "dev.crmkit.core.lead..", "dev.crmkit.core.opportunity..", "dev.crmkit.core.messaging..",
        "dev.crmkit.core.forecast..", "dev.crmkit.core.loyalty..", "dev.crmkit.core.ticket.."
    };

    static final ArchRule ADAPTERS_DO_NOT_USE_CORE = noClasses()
            .that().resideInAnyPackage("dev.crmkit.jdbc..", "dev.crmkit.inmemory..")
            .should().dependOnClassesThat().resideInAPackage("dev.crmkit.core..")
            .because("adapters implement the SPI and must not know the domain (DESIGN.md rule 1)");

    static final ArchRule CORE_DOES_NOT_USE_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.crmkit.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.crmkit.jdbc..", "dev.crmkit.inmemory..")
            .because("the core reaches storage through the SPI only (DESIGN.md rule 1)");

    static final ArchRule CORE_PACKAGES_FREE_OF_CYCLES = slices()
            .matching("dev.crmkit.core.(*)..")
            .should().beFreeOfCycles()
            .because("domain packages must not form cycles (DESIGN.md rule 2)");

    static final ArchRule DOMAINS_FREE_OF_INFRASTRUCTURE = noClasses()
            .that().resideInAnyPackage(DOMAIN_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.jackson..",
                    "org.slf4j.simple..", "org.slf4j.impl..", "dev.crmkit.jdbc..", "dev.crmkit.inmemory..")
            .because("domain packages hold the model, not infrastructure (DESIGN.md rule 3)");

    static final ArchRule SPI_DEPENDS_ON_JDK_ONLY = classes()
            .that().resideInAnyPackage("dev.crmkit.spi..", "dev.crmkit.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.crmkit.spi..", "dev.crmkit.model..", "java..", "")
            .because("any storage must be pluggable without CRMKit's libraries (DESIGN.md rule 4)");

    /**
     * The vocabulary a core user imports names nothing of the storage contract but the stored records its filters
     * test in their reference predicates ({@code LeadFilter.matches(LeadRecord)}), so a user of the core never needs
     * an SPI type to call it (decision 5).
     */
    static final ArchRule MODEL_NAMES_NO_STORAGE_TYPE = noClasses()
            .that().resideInAPackage("dev.crmkit.model..")
            .should().dependOnClassesThat(resideInAPackage("dev.crmkit.spi..").and(not(simpleNameEndingWith("Record"))))
            .because("the model is what callers import; the storage contract is for adapter authors (decision 5)");

    /**
     * The customer domain, which every other domain refers to, names none of them, in the core or in the storage
     * contract: a merge moves other domains' rows through their merge parts, not by itself.
     */
    static final ArchRule CUSTOMER_NAMES_NO_OTHER_DOMAIN = noClasses()
            .that().resideInAPackage("dev.crmkit.core.customer..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.crmkit.core..", "dev.crmkit.spi..", "dev.crmkit.model..").and(not(
                    resideInAnyPackage("dev.crmkit.core.customer..", "dev.crmkit.core.common..",
                            "dev.crmkit.core.module..", "dev.crmkit.spi", "dev.crmkit.spi.customer..",
                            "dev.crmkit.model", "dev.crmkit.model.customer..", "dev.crmkit.model.customfield..",
                            "dev.crmkit.spi.customfield..", "dev.crmkit.spi.idempotency..", "dev.crmkit.spi.outbox..",
                            "dev.crmkit.spi.scheduling.."))))
            .because("every domain refers to customers, so the customer domain names none of them");

    private ArchitectureRules() {
    }

    /** The rule for one domain: it uses only itself, {@code common} and the domains it declares. */
    static ArchRule domainDependencyRule(String domain) {
        String[] allowed = Stream.concat(Stream.of(domain, "common"), DECLARED_DOMAIN_USES.get(domain).stream())
                .map(p -> "dev.crmkit.core." + p + "..")
                .toArray(String[]::new);
        return noClasses()
                .that().resideInAPackage("dev.crmkit.core." + domain + "..")
                .should().dependOnClassesThat(resideInAPackage("dev.crmkit.core..").and(not(resideInAnyPackage(allowed))))
                .allowEmptyShould(true)
                .because("a domain uses only common and the domains its package documentation names (DESIGN.md rule 2)");
    }

    /** One rule per declared domain. */
    static List<ArchRule> domainDependencyRules() {
        List<ArchRule> rules = new ArrayList<>();
        DECLARED_DOMAIN_USES.keySet().stream().sorted().forEach(d -> rules.add(domainDependencyRule(d)));
        return rules;
    }
}
