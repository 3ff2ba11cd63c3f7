package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated sequences of postings (accruals, adjustments either way, redemptions of a reward, activity awards under a
 * programme whose award is revised between steps, retries of an earlier key with the same and with another payload),
 * suspensions and reactivations against a model of the two balances and the keys taken: after every step the cached
 * balances equal the model and the storage's sums of the ledger, no balance is negative, and each key took effect
 * once (a retried award returns the first entry even after the award changed).
 */
class LedgerPropertyTest {
    /** What a posting under a key asked for. */
    private record Posted(boolean accrual, long qualifying, long redeemable, String activity) {
        Posted(boolean accrual, long qualifying, long redeemable) {
            this(accrual, qualifying, redeemable, null);
        }
    }

    /** The two awards for a visit the programme switches between. */
    private static final ActivityAward[] VISIT = {new ActivityAward(10, 5), new ActivityAward(20, 0)};

    private static ProgrammeRules rules(int visit) {
        return ProgrammeRules.earning("EUR", "1").withActivity("visit", VISIT[visit]);
    }

    @Test
    void the_cached_balances_always_equal_the_ledger_sums_never_go_negative_and_each_key_counts_once() {
        qt().withExamples(60).withShrinkCycles(50)
                .forAll(lists().of(integers().between(0, 999)).ofSizeBetween(1, 30))
                .checkAssert(steps -> {
                    LoyaltyFixtures fixtures = new LoyaltyFixtures();
                    LoyaltyService loyalty = fixtures.loyalty();
                    UUID id = loyalty.enrol(EnrolMember.of(fixtures.customer(), "club")).id();
                    loyalty.defineProgramme(DefineProgramme.of("club", rules(0)));
                    int visit = 0;
                    long qualifying = 0;
                    long redeemable = 0;
                    boolean suspended = false;
                    Map<String, Posted> keys = new HashMap<>();
                    for (int i = 0; i < steps.size(); i++) {
                        int step = steps.get(i);
                        int points = step / 10 + 1;
                        switch (step % 8) {
                            case 0, 1 -> {
                                String key = "k-" + i;
                                if (suspended) {
                                    assertThatThrownBy(() -> loyalty.post(
                                            PostPoints.accrual(id, points, "activity", null, key)))
                                            .isInstanceOf(NotPermittedException.class);
                                } else {
                                    loyalty.post(PostPoints.accrual(id, points, "activity", null, key));
                                    keys.put(key, new Posted(true, points, points));
                                    qualifying += points;
                                    redeemable += points;
                                }
                            }
                            case 2 -> {
                                String key = "k-" + i;
                                long change = step % 2 == 0 ? -points : points;
                                if (redeemable + change < 0) {
                                    assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(id, 0, change,
                                            "correction", key))).isInstanceOf(ValidationException.class);
                                } else {
                                    loyalty.post(PostPoints.adjustment(id, 0, change, "correction", key));
                                    keys.put(key, new Posted(false, 0, change));
                                    redeemable += change;
                                }
                            }
                            case 3 -> {
                                // a retry of an earlier key: the same payload takes no effect, another is a conflict
                                if (!keys.isEmpty()) {
                                    String key = keys.keySet().stream().sorted().toList().get(step % keys.size());
                                    Posted first = keys.get(key);
                                    // adjustments here change at most 100 points, so -150 is a coffee redeemed
                                    LedgerEntry again = first.activity() != null
                                            ? loyalty.award(AwardActivity.of(id, first.activity(), null, key))
                                            : first.accrual()
                                            ? loyalty.post(PostPoints.accrual(id, first.qualifying(), "activity",
                                                    null, key))
                                            : first.redeemable() == -150
                                                    ? loyalty.redeem(RedeemReward.of(id, "coffee", key))
                                                    : loyalty.post(PostPoints.adjustment(id, 0, first.redeemable(),
                                                            "correction", key));
                                    assertThat(again.idempotencyKey()).isEqualTo(key);
                                    assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(id, 0, 1,
                                            "another-source", key))).isInstanceOf(ConflictException.class);
                                    assertThatThrownBy(() -> loyalty.award(AwardActivity.of(id, "visit",
                                            "another-visit", key))).isInstanceOf(ConflictException.class);
                                }
                            }
                            case 4 -> {
                                // a coffee for 150 points, refused when short or suspended
                                String key = "k-" + i;
                                if (suspended) {
                                    assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(id, "coffee", key)))
                                            .isInstanceOf(NotPermittedException.class);
                                } else if (redeemable < 150) {
                                    assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(id, "coffee", key)))
                                            .isInstanceOf(ValidationException.class);
                                } else {
                                    loyalty.redeem(RedeemReward.of(id, "coffee", key));
                                    assertThat(loyalty.redeem(RedeemReward.of(id, "coffee", key)).idempotencyKey())
                                            .as("a retry").isEqualTo(key);
                                    keys.put(key, new Posted(false, 0, -150));
                                    redeemable -= 150;
                                }
                            }
                            case 5 -> {
                                String key = "k-" + i;
                                ActivityAward award = VISIT[visit];
                                if (suspended) {
                                    assertThatThrownBy(() -> loyalty.award(AwardActivity.of(id, "visit", null, key)))
                                            .isInstanceOf(NotPermittedException.class);
                                } else {
                                    LedgerEntry entry = loyalty.award(AwardActivity.of(id, "visit", null, key));
                                    assertThat(entry.qualifyingPoints()).isEqualTo(award.qualifyingPoints());
                                    keys.put(key, new Posted(true, award.qualifyingPoints(),
                                            award.redeemablePoints(), "visit"));
                                    qualifying += award.qualifyingPoints();
                                    redeemable += award.redeemablePoints();
                                }
                            }
                            case 6 -> {
                                int next = 1 - visit;
                                long version = loyalty.programme("club").version();
                                loyalty.reviseProgramme(ReviseProgramme.of("club", version, rules(next)));
                                visit = next;
                            }
                            default -> {
                                if (suspended) {
                                    loyalty.reactivate(id);
                                } else {
                                    loyalty.suspend(id);
                                }
                                suspended = !suspended;
                            }
                        }
                        Membership now = loyalty.membership(id);
                        assertThat(now.status()).isEqualTo(suspended ? MembershipStatus.SUSPENDED
                                : MembershipStatus.ACTIVE);
                        assertThat(now.qualifyingPoints()).isEqualTo(qualifying).isNotNegative();
                        assertThat(now.redeemablePoints()).isEqualTo(redeemable).isNotNegative();
                        assertThat(fixtures.sums(id)).isEqualTo(new LedgerSums(qualifying, redeemable,
                                keys.size()));
                    }
                });
    }
}
