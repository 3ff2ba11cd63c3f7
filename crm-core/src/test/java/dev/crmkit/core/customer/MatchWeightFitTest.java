package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The expectation-maximisation fit on small tables made from known chances: the counts are exactly what the model
 * expects, so the fit must give the chances back.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchWeightFitTest {
    private static final double LAMBDA = 0.2;
    private static final Map<MatchLevel, Double> M = Map.of(
            MatchLevel.FAMILY_EQUAL, 0.7, MatchLevel.FAMILY_SIMILAR, 0.2, MatchLevel.FAMILY_DIFFERENT, 0.1,
            MatchLevel.BIRTH_EQUAL, 0.9, MatchLevel.BIRTH_DIFFERENT, 0.1,
            MatchLevel.ADDRESS_EQUAL, 0.6, MatchLevel.ADDRESS_DIFFERENT, 0.4);
    private static final Map<MatchLevel, Double> U = Map.of(
            MatchLevel.FAMILY_EQUAL, 0.3, MatchLevel.FAMILY_SIMILAR, 0.2, MatchLevel.FAMILY_DIFFERENT, 0.5,
            MatchLevel.BIRTH_EQUAL, 0.01, MatchLevel.BIRTH_DIFFERENT, 0.99,
            MatchLevel.ADDRESS_EQUAL, 0.05, MatchLevel.ADDRESS_DIFFERENT, 0.95);
    private static final MatchLevel[][] FIELDS = {
        {MatchLevel.FAMILY_EQUAL, MatchLevel.FAMILY_SIMILAR, MatchLevel.FAMILY_DIFFERENT},
        {MatchLevel.BIRTH_EQUAL, MatchLevel.BIRTH_DIFFERENT},
        {MatchLevel.ADDRESS_EQUAL, MatchLevel.ADDRESS_DIFFERENT}};

    /** Every pattern of the three fields with the pairs the model expects among {@code pairs}, no sampling noise. */
    private static List<MatchWeightFit.Pattern> table(long pairs, boolean addressMissingInHalf) {
        Map<Map<MatchField, MatchLevel>, Long> counts = new HashMap<>();
        for (MatchLevel family : FIELDS[0]) {
            for (MatchLevel born : FIELDS[1]) {
                for (MatchLevel address : FIELDS[2]) {
                    double p = LAMBDA * M.get(family) * M.get(born) * M.get(address)
                            + (1 - LAMBDA) * U.get(family) * U.get(born) * U.get(address);
                    long n = Math.round(pairs * p);
                    Map<MatchField, MatchLevel> levels = new EnumMap<>(MatchField.class);
                    levels.put(MatchField.FAMILY_NAME, family);
                    levels.put(MatchField.DATE_OF_BIRTH, born);
                    if (addressMissingInHalf) {
                        counts.merge(Map.copyOf(levels), n / 2, Long::sum);
                        n -= n / 2;
                    }
                    levels.put(MatchField.ADDRESS, address);
                    counts.merge(Map.copyOf(levels), n, Long::sum);
                }
            }
        }
        return MatchWeightFit.patterns(counts);
    }

    @Test
    void the_fit_gives_back_the_chances_the_table_was_made_from() {
        MatchWeightFit.Result fit = MatchWeightFit.fit(table(10_000_000, false), MatchWeights.defaults());

        assertThat(fit.converged()).isTrue();
        assertThat(fit.lambda()).isCloseTo(LAMBDA, within(0.002));
        M.forEach((level, m) -> assertThat(fit.m().get(level)).as("m of " + level).isCloseTo(m, within(0.005)));
        U.forEach((level, u) -> assertThat(fit.u().get(level)).as("u of " + level).isCloseTo(u, within(0.005)));
        assertThat(fit.pairs().get(MatchLevel.BIRTH_EQUAL)).isCloseTo(Math.round(10_000_000
                * (LAMBDA * 0.9 + (1 - LAMBDA) * 0.01)), within(20L));
    }

    @Test
    void a_field_one_party_lacks_tells_nothing_and_the_fit_still_finds_the_chances() {
        MatchWeightFit.Result fit = MatchWeightFit.fit(table(10_000_000, true), MatchWeights.defaults());

        assertThat(fit.lambda()).isCloseTo(LAMBDA, within(0.002));
        assertThat(fit.m().get(MatchLevel.ADDRESS_EQUAL)).isCloseTo(0.6, within(0.005));
        assertThat(fit.u().get(MatchLevel.ADDRESS_EQUAL)).isCloseTo(0.05, within(0.005));
    }

    @Test
    void levels_the_pairs_never_showed_are_not_fitted() {
        MatchWeightFit.Result fit = MatchWeightFit.fit(table(100_000, false), MatchWeights.defaults());

        assertThat(fit.m()).doesNotContainKeys(MatchLevel.BIRTH_NEAR, MatchLevel.GIVEN_EQUAL,
                MatchLevel.NAMES_SWAPPED);
        assertThat(fit.m().keySet()).isEqualTo(M.keySet());
    }

    @Test
    void the_chance_of_one_party_grows_with_agreement() {
        Map<MatchField, MatchLevel> agreeing = Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL,
                MatchField.DATE_OF_BIRTH, MatchLevel.BIRTH_EQUAL);
        Map<MatchField, MatchLevel> differing = Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL,
                MatchField.DATE_OF_BIRTH, MatchLevel.BIRTH_DIFFERENT);

        double one = MatchWeightFit.oneParty(new MatchWeightFit.Pattern(agreeing, 1), LAMBDA, M, U);
        double two = MatchWeightFit.oneParty(new MatchWeightFit.Pattern(differing, 1), LAMBDA, M, U);

        // 0.2 * 0.7 * 0.9 against 0.8 * 0.3 * 0.01, and 0.2 * 0.7 * 0.1 against 0.8 * 0.3 * 0.99
        assertThat(one).isCloseTo(0.126 / (0.126 + 0.0024), within(1e-9));
        assertThat(two).isCloseTo(0.014 / (0.014 + 0.2376), within(1e-9));
    }

    @Test
    void every_fitted_chance_lies_strictly_between_zero_and_one_and_each_fields_chances_add_up_to_one() {
        // a date of birth that never agrees among two parties' pairs, and never disagrees among one party's
        Map<Map<MatchField, MatchLevel>, Long> counts = new HashMap<>();
        counts.put(Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL, MatchField.DATE_OF_BIRTH,
                MatchLevel.BIRTH_EQUAL), 300L);
        counts.put(Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL, MatchField.DATE_OF_BIRTH,
                MatchLevel.BIRTH_DIFFERENT), 700L);
        counts.put(Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_DIFFERENT, MatchField.DATE_OF_BIRTH,
                MatchLevel.BIRTH_DIFFERENT), 2000L);

        MatchWeightFit.Result fit = MatchWeightFit.fit(MatchWeightFit.patterns(counts), MatchWeights.defaults());

        for (Map<MatchLevel, Double> chances : List.of(fit.m(), fit.u())) {
            assertThat(chances.values()).allSatisfy(c -> assertThat(c).isStrictlyBetween(0.0, 1.0));
            assertThat(chances.get(MatchLevel.FAMILY_EQUAL) + chances.get(MatchLevel.FAMILY_DIFFERENT))
                    .isCloseTo(1.0, within(1e-12));
            assertThat(chances.get(MatchLevel.BIRTH_EQUAL) + chances.get(MatchLevel.BIRTH_DIFFERENT))
                    .isCloseTo(1.0, within(1e-12));
        }
        assertThat(fit.lambda()).isStrictlyBetween(0.0, 1.0);
        assertThat(fit.m().get(MatchLevel.BIRTH_EQUAL)).isGreaterThan(fit.u().get(MatchLevel.BIRTH_EQUAL));
        assertThat(fit.pairs()).containsEntry(MatchLevel.FAMILY_EQUAL, 1000L)
                .containsEntry(MatchLevel.BIRTH_DIFFERENT, 2700L);
    }

    @Test
    void a_field_at_one_level_in_every_pair_tells_nothing_and_the_share_stays_inside_zero_and_one() {
        List<MatchWeightFit.Pattern> agreeing = List.of(new MatchWeightFit.Pattern(Map.of(MatchField.FAMILY_NAME,
                MatchLevel.FAMILY_EQUAL, MatchField.DATE_OF_BIRTH, MatchLevel.BIRTH_EQUAL), 1_000_000));

        MatchWeightFit.Result fit = MatchWeightFit.fit(agreeing, MatchWeights.defaults());

        // m and u are both certain, so the ratio, and the weight log2(m / u), is nothing either way
        assertThat(fit.m()).containsEntry(MatchLevel.FAMILY_EQUAL, 1.0).containsEntry(MatchLevel.BIRTH_EQUAL, 1.0);
        assertThat(fit.u()).containsEntry(MatchLevel.FAMILY_EQUAL, 1.0).containsEntry(MatchLevel.BIRTH_EQUAL, 1.0);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.lambda()).isStrictlyBetween(0.0, 1.0);
        assertThat(fit.pairs()).containsEntry(MatchLevel.BIRTH_EQUAL, 1_000_000L);
    }

    @Test
    void the_class_the_tenants_weights_favour_is_the_one_fitted_as_one_party() {
        // weights that say the opposite of the defaults: agreement counts against one party
        MatchWeights upsideDown = MatchWeights.defaults();
        for (MatchLevel level : MatchLevel.values()) {
            upsideDown = upsideDown.with(level, -MatchWeights.defaults().of(level));
        }

        MatchWeightFit.Result usual = MatchWeightFit.fit(table(10_000_000, false), MatchWeights.defaults());
        MatchWeightFit.Result flipped = MatchWeightFit.fit(table(10_000_000, false), upsideDown);

        assertThat(usual.lambda()).isCloseTo(LAMBDA, within(0.002));
        assertThat(flipped.lambda()).as("the classes swapped").isCloseTo(1 - LAMBDA, within(0.002));
        assertThat(flipped.m().get(MatchLevel.BIRTH_EQUAL)).isCloseTo(0.01, within(0.005));
        assertThat(flipped.u().get(MatchLevel.BIRTH_EQUAL)).isCloseTo(0.9, within(0.005));
    }

    @Test
    void evidence_too_weak_to_settle_stops_the_fit_at_its_last_round_and_says_so() {
        // three fields that agree in 55% of one party's pairs and 45% of two parties': the classes barely differ
        Map<Map<MatchField, MatchLevel>, Long> counts = new HashMap<>();
        for (int pattern = 0; pattern < 8; pattern++) {
            Map<MatchField, MatchLevel> levels = new EnumMap<>(MatchField.class);
            double m = 1;
            double u = 1;
            for (int field = 0; field < 3; field++) {
                boolean agrees = (pattern >> field & 1) == 0;
                MatchLevel[] levelsOfField = FIELDS[field];
                MatchLevel level = agrees ? levelsOfField[0] : levelsOfField[levelsOfField.length - 1];
                levels.put(level.field(), level);
                m *= agrees ? 0.55 : 0.45;
                u *= agrees ? 0.45 : 0.55;
            }
            counts.put(Map.copyOf(levels), Math.round(1_000_000 * (0.5 * m + 0.5 * u)));
        }

        MatchWeightFit.Result fit = MatchWeightFit.fit(MatchWeightFit.patterns(counts), MatchWeights.defaults());

        assertThat(fit.iterations()).isEqualTo(MatchWeightFit.MAX_ITERATIONS);
        assertThat(fit.converged()).isFalse();
    }

    @Test
    void a_fit_that_cannot_settle_stops_at_its_last_round() {
        List<MatchWeightFit.Pattern> one = new ArrayList<>(table(1000, false));

        MatchWeightFit.Result fit = MatchWeightFit.fit(one, MatchWeights.defaults());

        assertThat(fit.iterations()).isBetween(1, MatchWeightFit.MAX_ITERATIONS);
        assertThat(fit.converged()).isEqualTo(fit.iterations() < MatchWeightFit.MAX_ITERATIONS);
    }
}
