package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicateDecision;
import dev.crmkit.spi.customer.DuplicateEvidence;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import dev.crmkit.spi.customer.DuplicatePairStore.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The promises of {@link DuplicatePairStore}, {@link DuplicatePairRecord} and {@link DuplicateEvidence}. */
public abstract class DuplicatePairStoreContract extends ContractSupport {
    private static final Instant LATER = NOW.plusSeconds(3600);

    /** Three customers in {@link Ids#ORDER}: anna, then ben, then clara. */
    private final List<UUID> three = java.util.stream.Stream.generate(UUID::randomUUID).limit(3).sorted(Ids.ORDER)
            .toList();
    private final UUID anna = three.get(0);
    private final UUID ben = three.get(1);
    private final UUID clara = three.get(2);

    private DuplicatePairStore pairs() {
        return capability(CustomerStorage.class).duplicatePairs();
    }

    private static DuplicateEvidence evidence(double score, Instant at) {
        return new DuplicateEvidence(score, Set.of("SAME_PHONE", "SIMILAR_NAME_SAME_ADDRESS"),
                Map.of("PHONE", 7.0, "FAMILY_NAME", 3.5, "GIVEN_NAME", -4.5), DuplicateSource.BULK_JOB, at);
    }

    private static DuplicatePairRecord pair(String tenant, UUID a, UUID b, double score) {
        return DuplicatePairRecord.of(tenant, UUID.randomUUID(), a, b, evidence(score, NOW));
    }

    private static DuplicatePairRecord decided(DuplicatePairRecord p, DuplicatePairStatus status, String reason) {
        return new DuplicatePairRecord(p.tenantId(), p.id(), p.version(), p.createdAt(), LATER, p.firstCustomerId(),
                p.secondCustomerId(), p.evidence(), status, new DuplicateDecision("USER:u-17", LATER, reason));
    }

    private List<DuplicatePairRecord> allOpen(String tenant, UUID customerId, int pageSize) {
        List<DuplicatePairRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<DuplicatePairRecord> page = pairs().open(tenant, customerId, request);
            found.addAll(page.items());
            if (!page.hasNext()) {
                return found;
            }
            request = request.next(page.next().orElseThrow());
        }
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void a_suspected_pair_reads_back_equal_with_its_customers_in_id_order() {
        DuplicatePairRecord pair = pair(TENANT, ben, anna, 0.812);

        DuplicatePairStore.Suspicion suspicion = pairs().suspect(pair);

        assertThat(suspicion.outcome()).isEqualTo(Outcome.INSERTED);
        assertThat(suspicion.pair()).isEqualTo(pair);
        assertThat(pair.firstCustomerId()).isEqualTo(anna);
        assertThat(pair.secondCustomerId()).isEqualTo(ben);
        DuplicatePairRecord read = pairs().get(TENANT, pair.id()).orElseThrow();
        assertThat(read).isEqualTo(pair);
        assertThat(read.evidence().contributions()).containsEntry("GIVEN_NAME", -4.5).hasSize(3);
        assertThat(read.decision()).isNull();
        assertThat(pairs().get(OTHER_TENANT, pair.id())).isEmpty();
        assertThat(pairs().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_pair_with_no_reasons_or_contributions_and_a_score_of_one_reads_back_equal() {
        DuplicatePairRecord pair = DuplicatePairRecord.of(TENANT, UUID.randomUUID(), anna, ben,
                new DuplicateEvidence(1.0, Set.of(), Map.of(), DuplicateSource.REGISTRATION, NOW));

        pairs().suspect(pair);

        assertThat(pairs().get(TENANT, pair.id())).contains(pair);
    }

    @Test
    void the_same_pair_found_again_in_the_other_order_is_rescored_not_stored_twice() {
        DuplicatePairRecord first = pairs().suspect(pair(TENANT, anna, ben, 0.75)).pair();
        DuplicatePairRecord again = DuplicatePairRecord.of(TENANT, UUID.randomUUID(), ben, anna,
                new DuplicateEvidence(0.861, Set.of("SAME_EMAIL"), Map.of("EMAIL", 16.0), DuplicateSource.IMPORT,
                        LATER));

        DuplicatePairStore.Suspicion suspicion = pairs().suspect(again);

        assertThat(suspicion.outcome()).isEqualTo(Outcome.RESCORED);
        DuplicatePairRecord stored = pairs().get(TENANT, first.id()).orElseThrow();
        assertThat(suspicion.pair()).isEqualTo(stored);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.updatedAt()).isEqualTo(LATER);
        assertThat(stored.evidence()).isEqualTo(again.evidence());
        assertThat(stored.status()).isEqualTo(DuplicatePairStatus.OPEN);
        assertThat(pairs().get(TENANT, again.id())).isEmpty();
        assertThat(pairs().among(TENANT, List.of(anna, ben))).containsExactly(stored);
    }

    @Test
    void the_same_finding_again_changes_nothing() {
        DuplicatePairRecord first = pairs().suspect(pair(TENANT, anna, ben, 0.75)).pair();
        DuplicatePairRecord again = DuplicatePairRecord.of(TENANT, UUID.randomUUID(), anna, ben,
                new DuplicateEvidence(0.75, first.evidence().reasons(), first.evidence().contributions(),
                        DuplicateSource.REGISTRATION, LATER));

        DuplicatePairStore.Suspicion suspicion = pairs().suspect(again);

        assertThat(suspicion.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(suspicion.pair()).isEqualTo(first);
        assertThat(pairs().get(TENANT, first.id())).contains(first);
    }

    @Test
    void a_decided_pair_found_again_stays_as_decided() {
        for (DuplicatePairStatus status : List.of(DuplicatePairStatus.DISMISSED, DuplicatePairStatus.MERGED,
                DuplicatePairStatus.CLOSED)) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            DuplicatePairRecord first = pairs().suspect(pair(TENANT, a, b, 0.75)).pair();
            DuplicatePairRecord dismissed = pairs().update(decided(first, status, "different people"), 1);

            DuplicatePairStore.Suspicion suspicion = pairs().suspect(pair(TENANT, b, a, 0.99));

            assertThat(suspicion.outcome()).as(status.name()).isEqualTo(Outcome.UNCHANGED);
            assertThat(suspicion.pair()).isEqualTo(dismissed);
            assertThat(pairs().get(TENANT, first.id())).contains(dismissed);
        }
    }

    @Test
    void the_same_two_customers_in_two_tenants_are_two_pairs() {
        DuplicatePairRecord here = pairs().suspect(pair(TENANT, anna, ben, 0.75)).pair();

        DuplicatePairStore.Suspicion there = pairs().suspect(pair(OTHER_TENANT, anna, ben, 0.9));

        assertThat(there.outcome()).isEqualTo(Outcome.INSERTED);
        assertThat(pairs().get(TENANT, here.id())).contains(here);
        assertThat(pairs().among(OTHER_TENANT, List.of(anna, ben))).containsExactly(there.pair());
    }

    @Test
    void only_a_new_open_undecided_pair_can_be_suspected() {
        DuplicatePairRecord fresh = pair(TENANT, anna, ben, 0.8);
        DuplicatePairRecord versionTwo = new DuplicatePairRecord(TENANT, fresh.id(), 2, NOW, NOW, anna, ben,
                fresh.evidence(), DuplicatePairStatus.OPEN, null);

        assertRejected(() -> pairs().suspect(null), "pair");
        assertRejected(() -> pairs().suspect(versionTwo), "version");
        assertRejected(() -> pairs().suspect(decided(fresh, DuplicatePairStatus.DISMISSED, null)), "status");
        assertRejected(() -> pairs().suspect(decided(fresh, DuplicatePairStatus.OPEN, null)), "decision");
        assertThat(pairs().among(TENANT, List.of(anna, ben))).isEmpty();
    }

    @Test
    void an_update_stores_the_decision_and_raises_the_version_by_one() {
        DuplicatePairRecord pair = pairs().suspect(pair(TENANT, anna, ben, 0.8)).pair();

        DuplicatePairRecord dismissed = pairs().update(decided(pair, DuplicatePairStatus.DISMISSED,
                "Zwei verschiedene Personen, Vater und Sohn"), 1);

        assertThat(dismissed.version()).isEqualTo(2);
        assertThat(dismissed.status()).isEqualTo(DuplicatePairStatus.DISMISSED);
        assertThat(dismissed.updatedAt()).isEqualTo(LATER);
        assertThat(dismissed.createdAt()).isEqualTo(NOW);
        assertThat(dismissed.decision()).isEqualTo(new DuplicateDecision("USER:u-17", LATER,
                "Zwei verschiedene Personen, Vater und Sohn"));
        assertThat(pairs().get(TENANT, pair.id())).contains(dismissed);
    }

    @Test
    void an_update_with_a_stale_version_conflicts_and_changes_nothing() {
        DuplicatePairRecord pair = pairs().suspect(pair(TENANT, anna, ben, 0.8)).pair();
        DuplicatePairRecord dismissed = pairs().update(decided(pair, DuplicatePairStatus.DISMISSED, "no"), 1);

        assertThatThrownBy(() -> pairs().update(decided(pair, DuplicatePairStatus.MERGED, null), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(pairs().get(TENANT, pair.id())).contains(dismissed);
    }

    @Test
    void an_update_of_a_missing_pair_or_one_of_another_tenant_is_not_found() {
        DuplicatePairRecord pair = pairs().suspect(pair(TENANT, anna, ben, 0.8)).pair();
        DuplicatePairRecord elsewhere = new DuplicatePairRecord(OTHER_TENANT, pair.id(), 1, NOW, NOW, anna, ben,
                pair.evidence(), DuplicatePairStatus.DISMISSED, null);

        assertThatThrownBy(() -> pairs().update(pair(TENANT, anna, ben, 0.8), 1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pairs().update(elsewhere, 1)).isInstanceOf(NotFoundException.class);
        assertThat(pairs().get(TENANT, pair.id())).contains(pair);
    }

    @Test
    void an_update_never_changes_the_customers_of_a_pair() {
        DuplicatePairRecord pair = pairs().suspect(pair(TENANT, anna, ben, 0.8)).pair();
        DuplicatePairRecord moved = new DuplicatePairRecord(TENANT, pair.id(), 1, NOW, NOW, anna, clara,
                pair.evidence(), DuplicatePairStatus.OPEN, null);

        assertRejected(() -> pairs().update(moved, 1), "firstCustomerId");
        assertRejected(() -> pairs().update(null, 1), "pair");
        assertThat(pairs().get(TENANT, pair.id())).contains(pair);
    }

    @Test
    void the_open_queue_holds_open_pairs_only_highest_score_first_then_by_id() {
        DuplicatePairRecord low = pairs().suspect(pair(TENANT, anna, ben, 0.71)).pair();
        DuplicatePairRecord high = pairs().suspect(pair(TENANT, anna, clara, 0.95)).pair();
        DuplicatePairRecord tieA = pairs().suspect(pair(TENANT, ben, clara, 0.8)).pair();
        DuplicatePairRecord tieB = pairs().suspect(pair(TENANT, UUID.randomUUID(), UUID.randomUUID(), 0.8)).pair();
        DuplicatePairRecord gone = pairs().suspect(pair(TENANT, UUID.randomUUID(), UUID.randomUUID(), 0.99)).pair();
        pairs().update(decided(gone, DuplicatePairStatus.DISMISSED, null), 1);
        pairs().suspect(pair(OTHER_TENANT, anna, ben, 0.9));
        List<DuplicatePairRecord> ties = new ArrayList<>(List.of(tieA, tieB));
        ties.sort(Comparator.comparing(DuplicatePairRecord::id, Ids.ORDER));

        assertThat(allOpen(TENANT, null, 100)).containsExactly(high, ties.get(0), ties.get(1), low);
        assertThat(allOpen(TENANT, clara, 100)).containsExactly(high, tieA);
        assertThat(allOpen(TENANT, ben, 100)).containsExactly(tieA, low);
        assertThat(allOpen(TENANT, gone.firstCustomerId(), 100)).isEmpty();
        assertThat(allOpen(OTHER_TENANT, null, 100)).hasSize(1);
    }

    @Test
    void pages_of_the_open_queue_neither_skip_nor_repeat_a_pair() {
        List<DuplicatePairRecord> stored = new ArrayList<>();
        double[] scores = {0.7, 0.755, 0.755, 0.9, 0.999, 1.0, 0.755, 0.8, 0.7, 0.85, 0.755};
        for (double score : scores) {
            stored.add(pairs().suspect(pair(TENANT, UUID.randomUUID(), UUID.randomUUID(), score)).pair());
        }
        List<DuplicatePairRecord> expected = stored.stream().sorted(Comparator
                .comparingDouble((DuplicatePairRecord p) -> p.evidence().score()).reversed()
                .thenComparing(DuplicatePairRecord::id, Ids.ORDER)).toList();

        qt().withExamples(12).forAll(integers().between(1, scores.length + 1))
                .checkAssert(size -> assertThat(allOpen(TENANT, null, size)).containsExactlyElementsOf(expected));
    }

    @Test
    void a_cursor_of_another_query_is_refused() {
        assertRejected(() -> pairs().open(TENANT, null,
                PageRequest.first(5).next(Cursor.of(List.of("x")))), "cursor");
        assertRejected(() -> pairs().open(TENANT, null,
                PageRequest.first(5).next(Cursor.of(List.of("high", UUID.randomUUID().toString())))), "cursor");
        assertRejected(() -> pairs().open(TENANT, null, null), "page");
    }

    @Test
    void among_finds_the_pairs_of_any_status_whose_two_customers_are_both_given() {
        DuplicatePairRecord annaBen = pairs().suspect(pair(TENANT, anna, ben, 0.8)).pair();
        DuplicatePairRecord annaClara = pairs().suspect(pair(TENANT, anna, clara, 0.8)).pair();
        DuplicatePairRecord dismissed = pairs().update(decided(annaClara, DuplicatePairStatus.DISMISSED, null), 1);
        pairs().suspect(pair(TENANT, ben, UUID.randomUUID(), 0.8));

        assertThat(pairs().among(TENANT, List.of(anna, ben, clara))).containsExactlyInAnyOrder(annaBen, dismissed);
        assertThat(pairs().among(TENANT, Set.of(clara, anna))).containsExactly(dismissed);
        assertThat(pairs().among(TENANT, List.of(anna))).isEmpty();
        assertThat(pairs().among(TENANT, List.of())).isEmpty();
        assertThat(pairs().among(OTHER_TENANT, List.of(anna, ben, clara))).isEmpty();
    }

    @Test
    void among_takes_at_most_a_thousand_ids_and_no_null() {
        List<UUID> many = IntStream.range(0, DuplicatePairStore.MAX_IDS + 1).mapToObj(i -> UUID.randomUUID()).toList();
        List<UUID> withNull = new ArrayList<>(List.of(anna));
        withNull.add(null);

        assertThat(pairs().among(TENANT, many.subList(0, DuplicatePairStore.MAX_IDS))).isEmpty();
        assertRejected(() -> pairs().among(TENANT, many), "customerIds");
        assertRejected(() -> pairs().among(TENANT, withNull), "customerIds[1]");
        assertRejected(() -> pairs().among(TENANT, null), "customerIds");
    }

    @Test
    void a_pair_is_of_two_different_customers_in_id_order() {
        UUID first = Ids.ORDER.compare(anna, ben) < 0 ? anna : ben;
        UUID second = first.equals(anna) ? ben : anna;
        DuplicateEvidence e = evidence(0.8, NOW);

        assertRejected(() -> DuplicatePairRecord.of(TENANT, UUID.randomUUID(), anna, anna, e), "secondCustomerId");
        assertRejected(() -> new DuplicatePairRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, second, first, e,
                DuplicatePairStatus.OPEN, null), "secondCustomerId");
        assertRejected(() -> DuplicatePairRecord.of(TENANT, UUID.randomUUID(), null, anna, e), "firstCustomerId");
        assertRejected(() -> DuplicatePairRecord.of(TENANT, UUID.randomUUID(), anna, null, e), "secondCustomerId");
        assertRejected(() -> DuplicatePairRecord.of(TENANT, UUID.randomUUID(), anna, ben, null), "evidence");
        assertRejected(() -> new DuplicatePairRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, first, second, e,
                null, null), "status");
        DuplicatePairRecord pair = DuplicatePairRecord.of(TENANT, UUID.randomUUID(), second, first, e);
        assertThat(pair.involves(anna)).isTrue();
        assertThat(pair.involves(clara)).isFalse();
        assertThat(pair.otherThan(anna)).isEqualTo(ben);
        assertThat(pair.otherThan(ben)).isEqualTo(anna);
    }

    @Test
    void evidence_holds_a_score_of_three_decimals_from_zero_to_one_and_codes() {
        for (double bad : new double[] {-0.001, 1.001, 0.1234, Double.NaN}) {
            assertRejected(() -> new DuplicateEvidence(bad, Set.of(), Map.of(), DuplicateSource.IMPORT, NOW),
                    "score");
        }
        assertThat(new DuplicateEvidence(0.0, Set.of(), Map.of(), DuplicateSource.IMPORT, NOW).score()).isZero();
        assertRejected(() -> new DuplicateEvidence(0.5, Set.of("same email"), Map.of(), DuplicateSource.IMPORT, NOW),
                "reasons");
        assertRejected(() -> new DuplicateEvidence(0.5, Set.of(), Map.of("email", 1.0), DuplicateSource.IMPORT, NOW),
                "contributions");
        assertRejected(() -> new DuplicateEvidence(0.5, Set.of(), Map.of("EMAIL", 100.5), DuplicateSource.IMPORT,
                NOW), "contributions");
        assertRejected(() -> new DuplicateEvidence(0.5, Set.of(), Map.of(), null, NOW), "source");
        assertRejected(() -> new DuplicateEvidence(0.5, Set.of(), Map.of(), DuplicateSource.IMPORT, null), "foundAt");
        assertRejected(() -> new DuplicateDecision(" ", NOW, null), "decidedBy");
        assertRejected(() -> new DuplicateDecision("USER:u-1", NOW, "x".repeat(DuplicateDecision.MAX_REASON + 1)),
                "reason");
    }
}
