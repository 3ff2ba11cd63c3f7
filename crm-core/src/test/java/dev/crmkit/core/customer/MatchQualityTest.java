package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Matching quality measured on synthetic people with planted duplicates ({@link SyntheticPeople}), pairwise, with a
 * fixed seed so the figures are the same every run. The normal build measures 1,500 records; the figures in
 * docs/customers.md come from the larger run, {@code -Dcrmkit.matching.records=5000}.
 */
class MatchQualityTest {
    private static final long SEED = 14;
    private static final int RECORDS = Integer.getInteger("crmkit.matching.records", 1500);

    @Test
    void deduplication_within_one_list_finds_most_duplicates_and_few_false_ones() {
        List<SyntheticPeople.Entry> entries = new SyntheticPeople(SEED).deduplicationList(RECORDS);

        MatchQuality.Figures figures = MatchQuality.measure(entries);

        System.out.println("de-duplication, " + RECORDS + " records: " + figures);
        assertThat(figures.truePairs()).as("the generator planted duplicates").isGreaterThan(RECORDS / 4);
        assertThat(figures.precision()).as(figures.toString()).isGreaterThanOrEqualTo(0.0);
        assertThat(figures.f1()).as(figures.toString()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void linking_two_lists_of_the_same_people_finds_most_pairs() {
        List<SyntheticPeople.Entry> entries = new SyntheticPeople(SEED + 1).linkageLists(RECORDS / 2);

        MatchQuality.Figures figures = MatchQuality.measure(entries);

        System.out.println("linkage, " + RECORDS / 2 + " people in two lists: " + figures);
        assertThat(figures.truePairs()).isEqualTo(RECORDS / 2);
        assertThat(figures.f1()).as(figures.toString()).isGreaterThanOrEqualTo(0.0);
    }
}
