package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.DuplicateDecision;
import dev.crmkit.spi.customer.DuplicateEvidence;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of a pair under review ({@link DuplicatePairReview}) and the queue's lookups ({@link DuplicateReviews}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicatePairReviewTest {
    private static final Instant FOUND = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = FOUND.plusSeconds(60);
    private static final Actor REVIEWER = Actor.user("reviewer-1");
    private static final Map<DuplicatePairStatus, Set<DuplicatePairStatus>> ALLOWED = Map.of(
            DuplicatePairStatus.OPEN, EnumSet.of(DuplicatePairStatus.DISMISSED, DuplicatePairStatus.MERGED,
                    DuplicatePairStatus.CLOSED),
            DuplicatePairStatus.DISMISSED, EnumSet.of(DuplicatePairStatus.OPEN),
            DuplicatePairStatus.MERGED, EnumSet.noneOf(DuplicatePairStatus.class),
            DuplicatePairStatus.CLOSED, EnumSet.noneOf(DuplicatePairStatus.class));

    private final List<UUID> two = Stream.generate(UUID::randomUUID).limit(2).sorted(Ids.ORDER).toList();
    private final UUID first = two.get(0);
    private final UUID second = two.get(1);

    private DuplicatePairRecord pair(DuplicatePairStatus status) {
        return new DuplicatePairRecord("acme", UUID.randomUUID(), 3, FOUND, FOUND, first, second,
                new DuplicateEvidence(0.8, Set.of("SAME_PHONE"), Map.of("PHONE", 7.0), DuplicateSource.BULK_JOB,
                        FOUND), status, null);
    }

    private Map<DuplicatePairStatus, Function<DuplicatePairReview, DuplicatePairReview.Change>> moves() {
        Map<DuplicatePairStatus, Function<DuplicatePairReview, DuplicatePairReview.Change>> moves =
                new LinkedHashMap<>();
        moves.put(DuplicatePairStatus.DISMISSED, r -> r.dismiss(REVIEWER, "twins", NOW));
        moves.put(DuplicatePairStatus.OPEN, r -> r.reopen(REVIEWER, NOW));
        moves.put(DuplicatePairStatus.MERGED, r -> r.merge(first, REVIEWER, NOW));
        moves.put(DuplicatePairStatus.CLOSED, r -> r.close(second, UUID.randomUUID(), NOW));
        return moves;
    }

    @ParameterizedTest
    @EnumSource(DuplicatePairStatus.class)
    void a_pair_moves_only_along_its_table(DuplicatePairStatus from) {
        moves().forEach((to, move) -> {
            DuplicatePairRecord before = pair(from);
            if (ALLOWED.get(from).contains(to)) {
                DuplicatePairReview.Change change = move.apply(new DuplicatePairReview(before));
                assertThat(change.after().status()).isEqualTo(to);
                assertThat(change.after().version()).as("stored with the version loaded").isEqualTo(3);
                assertThat(change.after().updatedAt()).isEqualTo(NOW);
                assertThat(change.after().createdAt()).isEqualTo(FOUND);
                assertThat(change.after().evidence()).isEqualTo(before.evidence());
                assertThat(change.event().pairId()).isEqualTo(before.id());
            } else {
                assertThatThrownBy(() -> move.apply(new DuplicatePairReview(before)))
                        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                            assertThat(e.from()).isEqualTo(from.name());
                            assertThat(e.to()).isEqualTo(to.name());
                        });
            }
        });
    }

    @Test
    void each_decision_records_who_when_and_why_and_its_event() {
        DuplicatePairReview open = new DuplicatePairReview(pair(DuplicatePairStatus.OPEN));

        DuplicatePairReview.Change dismissed = open.dismiss(REVIEWER, "twins", NOW);
        DuplicatePairReview.Change merged = open.merge(second, REVIEWER, NOW);
        UUID third = UUID.randomUUID();
        DuplicatePairReview.Change closed = open.close(first, third, NOW);
        DuplicatePairReview.Change reopened = new DuplicatePairReview(dismissed.after()).reopen(Actor.system("job"),
                NOW);

        assertThat(dismissed.after().decision()).isEqualTo(new DuplicateDecision("USER:reviewer-1", NOW, "twins"));
        assertThat(dismissed.event()).isEqualTo(new DuplicatePairEvent.DuplicatePairDismissed("acme",
                dismissed.after().id(), first, second, REVIEWER, NOW));
        assertThat(merged.after().decision()).isEqualTo(new DuplicateDecision("USER:reviewer-1", NOW, null));
        assertThat(merged.event()).isEqualTo(new DuplicatePairEvent.DuplicatePairMerged("acme", merged.after().id(),
                second, first, REVIEWER, NOW));
        assertThat(closed.after().decision()).isNull();
        assertThat(closed.event()).isEqualTo(new DuplicatePairEvent.DuplicatePairClosed("acme", closed.after().id(),
                first, second, first, third, NOW));
        assertThat(reopened.after().decision()).isEqualTo(new DuplicateDecision("SYSTEM:job", NOW, null));
        assertThat(reopened.event()).isEqualTo(new DuplicatePairEvent.DuplicatePairReopened("acme",
                reopened.after().id(), first, second, Actor.system("job"), NOW));
    }

    @Test
    void a_pair_as_the_reviewer_sees_it_decodes_codes_and_the_deciding_actor() {
        DuplicatePairRecord stored = new DuplicatePairReview(pair(DuplicatePairStatus.DISMISSED))
                .reopen(Actor.system("job"), NOW).after();
        DuplicatePairRecord undecided = pair(DuplicatePairStatus.OPEN);
        DuplicatePairRecord bare = new DuplicatePairRecord("acme", UUID.randomUUID(), 1, FOUND, FOUND, first, second,
                new DuplicateEvidence(0.7, Set.of(), Map.of(), DuplicateSource.IMPORT, FOUND),
                DuplicatePairStatus.OPEN, null);

        DuplicatePair pair = DuplicatePair.of(stored);

        assertThat(pair.decision()).isEqualTo(new DuplicatePair.Decision(Actor.system("job"), NOW, null));
        assertThat(pair.reasons()).containsExactly(MatchReason.SAME_PHONE);
        assertThat(pair.contributions()).containsExactlyEntriesOf(Map.of(MatchField.PHONE, 7.0));
        assertThat(pair.version()).isEqualTo(3);
        assertThat(pair.source()).isEqualTo(DuplicateSource.BULK_JOB);
        assertThat(pair.foundAt()).isEqualTo(FOUND);
        assertThat(DuplicatePair.of(undecided).decision()).isNull();
        assertThat(DuplicatePair.of(bare).reasons()).isEmpty();
        assertThat(DuplicatePair.of(bare).contributions()).isEmpty();
        assertThat(pair.involves(first)).isTrue();
        assertThat(pair.involves(UUID.randomUUID())).isFalse();
    }

    @Test
    void the_dismissed_lookup_reads_every_pair_however_many_candidates_there_are() {
        // given: two customers with 1,500 candidates each, a dismissed pair deep in each list and an open one
        InMemoryStorage storage = new InMemoryStorage();
        DuplicatePairStore pairs = storage.duplicatePairs();
        Map<UUID, List<UUID>> candidates = new LinkedHashMap<>();
        List<DuplicateReviews.PairKey> dismissed = new ArrayList<>();
        for (UUID customer : List.of(UUID.randomUUID(), UUID.randomUUID())) {
            List<UUID> others = Stream.generate(UUID::randomUUID).limit(1500).toList();
            candidates.put(customer, others);
            for (int i : new int[] {3, 1200}) {
                DuplicatePairRecord p = pairs.suspect(DuplicatePairRecord.of("acme", UUID.randomUUID(), customer,
                        others.get(i), new DuplicateEvidence(0.8, Set.of(), Map.of(), DuplicateSource.IMPORT, FOUND)))
                        .pair();
                pairs.update(new DuplicatePairReview(p).dismiss(REVIEWER, "no", NOW).after(), 1);
                dismissed.add(DuplicateReviews.PairKey.of(customer, others.get(i)));
            }
            pairs.suspect(DuplicatePairRecord.of("acme", UUID.randomUUID(), customer, others.get(7),
                    new DuplicateEvidence(0.8, Set.of(), Map.of(), DuplicateSource.IMPORT, FOUND)));
        }

        // when
        Set<DuplicateReviews.PairKey> found = DuplicateReviews.dismissed(pairs, "acme", candidates);

        // then
        assertThat(found).containsExactlyInAnyOrderElementsOf(dismissed);
        assertThat(DuplicateReviews.dismissed(pairs, "other", candidates)).isEmpty();
        assertThat(DuplicateReviews.dismissed(pairs, "acme", Map.of())).isEmpty();
    }

    @Test
    void a_pair_key_is_the_same_whichever_way_round() {
        assertThat(DuplicateReviews.PairKey.of(second, first)).isEqualTo(new DuplicateReviews.PairKey(first, second));
        assertThat(DuplicateReviews.PairKey.of(first, second)).isEqualTo(new DuplicateReviews.PairKey(first, second));
    }

    @Test
    void a_merge_closes_more_open_pairs_than_one_page() {
        // given: a merged customer with 450 open pairs besides its pair with the survivor
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
        UUID survivor = world.customers().register(RegisterPerson.named("Anna", "Müller")).customer().id();
        UUID merged = world.customers().register(RegisterPerson.named("Anna", "Mueller")).customer().id();
        DuplicatePairStore pairs = world.storage().duplicatePairs();
        pairs.suspect(DuplicatePairRecord.of("acme", UUID.randomUUID(), survivor, merged,
                new DuplicateEvidence(0.9, Set.of(), Map.of(), DuplicateSource.IMPORT, FOUND)));
        for (int i = 0; i < 450; i++) {
            pairs.suspect(DuplicatePairRecord.of("acme", UUID.randomUUID(), merged, UUID.randomUUID(),
                    new DuplicateEvidence(0.75, Set.of(), Map.of(), DuplicateSource.IMPORT, FOUND)));
        }
        world.drainOutbox();

        // when
        world.customers().merge(survivor, merged, REVIEWER);

        // then
        assertThat(pairs.open("acme", merged, dev.crmkit.model.PageRequest.first(10)).items()).isEmpty();
        assertThat(world.drainOutbox()).extracting(e -> e.type())
                .filteredOn(t -> t.startsWith("duplicate-pair.")).hasSize(451)
                .containsOnlyOnce("duplicate-pair.merged");
    }
}
