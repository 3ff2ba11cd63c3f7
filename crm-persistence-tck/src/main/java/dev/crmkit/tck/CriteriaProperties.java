package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerGenerators.criterion;
import static dev.crmkit.tck.CustomerGenerators.population;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.tck.CustomerGenerators.Population;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Criteria mean the same in every backend: for generated customers and generated criterion trees, what the
 * store finds and counts is exactly what {@link CustomerCriterion#test} accepts among live customers.
 */
public abstract class CriteriaProperties extends ContractSupport {
    private static final int EXAMPLES = 30;

    private Population stored(Population population) {
        customers().insertAll(population.customers());
        return population;
    }

    private static List<CustomerRecord> expected(Population population, CustomerCriterion criterion) {
        return population.live().stream().filter(criterion::test)
                .sorted(Comparator.comparing(CustomerRecord::id, Ids.ORDER)).toList();
    }

    private List<CustomerRecord> findAll(String tenantId, CustomerCriterion criterion, int pageSize) {
        List<CustomerRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<CustomerRecord> page = customers().find(tenantId, criterion, request);
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void find_returns_exactly_the_live_customers_the_reference_meaning_accepts() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(population(0, 12), criterion(3), range(1, 5))
                .checkAssert((population, criterion, pageSize) -> {
                    stored(population);

                    List<CustomerRecord> found = findAll(population.tenantId(), criterion, pageSize);

                    assertThat(found).as("customers matching %s", criterion)
                            .containsExactlyElementsOf(expected(population, criterion));
                });
    }

    @Test
    void count_equals_the_number_of_live_customers_the_reference_meaning_accepts() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(population(0, 12), criterion(3))
                .checkAssert((population, criterion) -> {
                    stored(population);

                    long count = customers().count(population.tenantId(), criterion);

                    assertThat(count).as("count of %s", criterion).isEqualTo(expected(population, criterion).size());
                });
    }

    @Test
    void negated_custom_field_comparison_also_matches_customers_without_the_field() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(population(1, 8), CustomerGenerators.customField())
                .checkAssert((population, comparison) -> {
                    stored(population);
                    CustomerCriterion negated = new CustomerCriterion.Not(comparison);

                    List<CustomerRecord> found = findAll(population.tenantId(), negated, 1000);

                    String key = ((CustomerCriterion.CustomField) comparison).key();
                    assertThat(found).containsAll(population.live().stream()
                            .filter(c -> !c.customFields().containsKey(key)).toList());
                    assertThat(found).containsExactlyElementsOf(expected(population, negated));
                });
    }
}
