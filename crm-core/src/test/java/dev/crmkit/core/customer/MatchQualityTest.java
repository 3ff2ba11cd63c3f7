package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Matching quality measured on synthetic people with planted duplicates ({@link SyntheticPeople}), pairwise, with a
 * fixed seed so the figures are the same every run. The normal build measures 1,500 records; docs/customers.md gives
 * the figures of this size and of the larger run:
 * {@code mvn -pl crm-core -am verify -Dtest=MatchQualityTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrmkit.matching.records=5000}. The rules before the match keys and field weights scored F1 0.22 (de-duplication)
 * and 0.31 (linkage) here. Each run prints the true pairs by kind of corruption and how many of them score below the
 * duplicate threshold, to show which kinds the rules miss.
 */
class MatchQualityTest {
    private static final long SEED = 14;
    private static final int RECORDS = Integer.getInteger("crmkit.matching.records", 1500);

    @Test
    void deduplication_within_one_list_finds_most_duplicates_and_few_false_ones() {
        List<SyntheticPeople.Entry> entries = new SyntheticPeople(SEED).deduplicationList(RECORDS);

        MatchQuality.Measurement m = MatchQuality.measure(entries);

        System.out.println("de-duplication, " + RECORDS + " records: possible " + m.possible() + "; duplicate "
                + m.duplicate());
        System.out.print("true pairs by kind of corruption, and those scoring below the duplicate threshold:\n"
                + m.breakdown());
        assertThat(m.possible().truePairs()).as("the generator planted duplicates").isGreaterThan(RECORDS / 4);
        assertThat(m.possible().precision()).as(m.possible().toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(m.possible().f1()).as(m.possible().toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.duplicate().precision()).as(m.duplicate().toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(m.duplicate().f1()).as(m.duplicate().toString()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void linking_two_lists_of_the_same_people_finds_most_pairs() {
        List<SyntheticPeople.Entry> entries = new SyntheticPeople(SEED + 1).linkageLists(RECORDS / 2);

        MatchQuality.Measurement m = MatchQuality.measure(entries);

        System.out.println("linkage, " + RECORDS / 2 + " people in two lists: possible " + m.possible()
                + "; duplicate " + m.duplicate());
        System.out.print("true pairs by kind of corruption, and those scoring below the duplicate threshold:\n"
                + m.breakdown());
        assertThat(m.possible().truePairs()).isEqualTo(RECORDS / 2);
        assertThat(m.possible().precision()).as(m.possible().toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(m.possible().f1()).as(m.possible().toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.duplicate().precision()).as(m.duplicate().toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(m.duplicate().f1()).as(m.duplicate().toString()).isGreaterThanOrEqualTo(0.95);
    }
}
