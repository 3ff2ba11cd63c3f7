package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crmkit.model.ValidationException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Match weights estimated from a tenant's own customers, on the generated people of {@link MatchQualityTest} whose
 * truth is known: the weights come out where the data says they should, and matching with them is measured.
 * {@code -Dcrmkit.matching.records=5000} runs the larger list.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchWeightEstimationTest {
    private static final long SEED = 14;
    private static final int RECORDS = Integer.getInteger("crmkit.matching.records", 1500);

    private List<SyntheticPeople.Entry> entries;
    private MatchQuality.Run run;

    @BeforeAll
    void register_the_generated_people() {
        entries = new SyntheticPeople(SEED).deduplicationList(RECORDS);
        run = MatchQuality.measure(entries, MatchWeights.defaults());
    }

    @Test
    void weights_estimated_from_the_tenants_customers_are_close_to_what_the_data_says() {
        MatchWeightEstimate estimate = run.customers().estimateMatchWeights(RECORDS, 1_000_000);

        System.out.println(describe(estimate));
        assertThat(estimate.converged()).isTrue();
        assertThat(estimate.customers()).isEqualTo(RECORDS);
        long truePairs = run.measurement().possible().truePairs();
        assertThat(estimate.matchShare() * estimate.pairs()).as("the pairs fitted as one party, of %d true pairs",
                truePairs).isBetween(0.9 * truePairs, 1.05 * truePairs);
        MatchWeights w = estimate.weights();
        assertThat(w.of(MatchLevel.BIRTH_EQUAL)).isGreaterThan(w.of(MatchLevel.BIRTH_NEAR)).isGreaterThan(3);
        assertThat(w.of(MatchLevel.BIRTH_DIFFERENT)).isLessThan(-3);
        assertThat(w.of(MatchLevel.ADDRESS_EQUAL)).isGreaterThan(w.of(MatchLevel.ADDRESS_STREET)).isGreaterThan(3);
        assertThat(w.of(MatchLevel.ADDRESS_DIFFERENT)).isLessThan(0);
        assertThat(w.of(MatchLevel.IDENTIFIER_EQUAL)).isGreaterThan(6);
        assertThat(w.of(MatchLevel.IDENTIFIER_DIFFERENT)).isLessThan(-6);
        assertThat(w.of(MatchLevel.GIVEN_EQUAL)).isGreaterThan(0).isGreaterThan(w.of(MatchLevel.GIVEN_DIFFERENT));
        assertThat(w.of(MatchLevel.GIVEN_DIFFERENT)).isLessThan(-2);
        assertThat(w.of(MatchLevel.NAMES_SWAPPED)).as("not estimated").isEqualTo(-0.5);
        assertThat(w.of(MatchLevel.EMAIL_EQUAL)).as("no e-mails in the data: kept").isEqualTo(16);
        assertThat(estimate.levels()).doesNotContainKeys(MatchLevel.EMAIL_EQUAL, MatchLevel.NAMES_SWAPPED);
        estimate.levels().forEach((level, fit) -> {
            assertThat(w.of(level)).isEqualTo(fit.weight());
            assertThat(fit.pairs()).isPositive();
        });
    }

    @Test
    void matching_with_the_estimated_weights_is_measured() {
        MatchWeightEstimate estimate = run.customers().estimateMatchWeights(RECORDS, 1_000_000);

        MatchQuality.Measurement m = MatchQuality.measure(entries, estimate.weights()).measurement();

        System.out.println("de-duplication, " + RECORDS + " records, estimated weights: possible " + m.possible()
                + "; duplicate " + m.duplicate());
        assertThat(m.possible().precision()).as(m.possible().toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(m.duplicate().precision()).as(m.duplicate().toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(m.possible().f1()).as(m.possible().toString()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void a_smaller_sample_and_a_bound_on_pairs_are_kept() {
        MatchWeightEstimate estimate = run.customers().estimateMatchWeights(100, 50);

        assertThat(estimate.customers()).isEqualTo(100);
        assertThat(estimate.pairs()).isEqualTo(50);
        assertThat(estimate.levels().values().stream().mapToLong(MatchWeightEstimate.Level::pairs).max()
                .orElseThrow()).isLessThanOrEqualTo(50);
        assertThat(run.customers().estimateMatchWeights(100, 50)).as("the same data, the same sample")
                .isEqualTo(estimate);
    }

    @Test
    void a_tenant_without_candidate_pairs_keeps_its_weights() {
        CustomerService empty = CustomerFixtures.world().customers();
        empty.register(RegisterPerson.named("Anna", "Schubert"));

        MatchWeightEstimate estimate = empty.estimateMatchWeights(10, 10);

        assertThat(estimate.weights()).isEqualTo(MatchWeights.defaults());
        assertThat(estimate.customers()).isEqualTo(1);
        assertThat(estimate.pairs()).isZero();
        assertThat(estimate.levels()).isEmpty();
        assertThat(estimate.converged()).isFalse();
    }

    @Test
    void a_pair_of_two_sampled_customers_is_counted_once_and_so_is_a_pair_with_one_not_sampled() {
        CustomerService two = CustomerFixtures.world().customers();
        two.register(RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));
        two.register(RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));

        assertThat(two.estimateMatchWeights(10, 100).pairs()).as("both sampled").isEqualTo(1);
        assertThat(two.estimateMatchWeights(1, 100).pairs()).as("one sampled").isEqualTo(1);
        assertThat(two.estimateMatchWeights(1, 100).customers()).isEqualTo(1);
    }

    @Test
    void the_sample_is_drawn_from_the_whole_tenant_not_from_its_first_customers() {
        // given: 200 people of distinct names, then 100 pairs of one person entered twice
        CustomerService tenant = CustomerFixtures.world(DuplicatePolicy.ALLOW).customers();
        for (int i = 0; i < 200; i++) {
            tenant.register(RegisterPerson.named("Anna", CustomerFixtures.surname(i)));
        }
        for (int i = 200; i < 300; i++) {
            for (int copy = 0; copy < 2; copy++) {
                tenant.register(RegisterPerson.named("Anna", CustomerFixtures.surname(i))
                        .withEmail("anna" + i + "@example.com"));
            }
        }

        // when: a sample of a quarter of the tenant
        MatchWeightEstimate estimate = tenant.estimateMatchWeights(100, 10_000);

        // then: about half the sample falls among the pairs (each sampled one brings its pair: about 44 pairs);
        // a sample of the first 100 customers would bring none
        assertThat(estimate.customers()).isEqualTo(100);
        assertThat(estimate.pairs()).isBetween(25L, 75L);
    }

    @Test
    void the_even_weight_is_the_log_odds_of_the_fitted_share_and_each_level_weighs_log2_m_over_u() {
        MatchWeightEstimate estimate = run.customers().estimateMatchWeights(300, 100_000);

        double share = estimate.matchShare();
        assertThat(estimate.weights().evenWeight()).isCloseTo(Math.log((1 - share) / share) / Math.log(2),
                within(1e-9));
        estimate.levels().forEach((level, fit) -> {
            assertThat(fit.weight()).isCloseTo(Math.log(fit.m() / fit.u()) / Math.log(2), within(1e-9));
            assertThat(estimate.weights().of(level)).isEqualTo(fit.weight());
        });
        assertThat(estimate.iterations()).isPositive();
        assertThat(estimate.levels().values().stream().mapToLong(MatchWeightEstimate.Level::pairs).max()
                .orElseThrow()).isLessThanOrEqualTo(estimate.pairs());
    }

    @Test
    void bad_bounds_are_rejected_naming_them() {
        CustomerService customers = CustomerFixtures.world().customers();

        assertRejected(() -> customers.estimateMatchWeights(0, 10), "sampleCustomers");
        assertRejected(() -> customers.estimateMatchWeights(CustomerService.MAX_SAMPLE_CUSTOMERS + 1, 10),
                "sampleCustomers");
        assertRejected(() -> customers.estimateMatchWeights(10, 0), "maxPairs");
        assertRejected(() -> customers.estimateMatchWeights(10, CustomerService.MAX_SAMPLE_PAIRS + 1), "maxPairs");
        assertRejected(() -> new MatchWeightEstimate(null, java.util.Map.of(), 0, 0, 0, 0, false), "weights");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static String describe(MatchWeightEstimate e) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "estimated from %d customers, %d pairs: "
                + "share of one party %.4f, even weight %.2f, %d rounds%n", e.customers(), e.pairs(), e.matchShare(),
                e.weights().evenWeight(), e.iterations()));
        e.levels().forEach((level, fit) -> out.append(String.format(Locale.ROOT,
                "%-22s m %.4f u %.5f weight %6.2f (default %5.1f) pairs %d%n", level, fit.m(), fit.u(), fit.weight(),
                level.defaultWeight(), fit.pairs())));
        return out.toString();
    }
}
