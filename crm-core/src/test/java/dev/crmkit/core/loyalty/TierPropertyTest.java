package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.loyalty.TierBasis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated tier ladders and postings, days apart inside one window, against a model: after every posting the member
 * holds the highest tier whose threshold the points posted so far reach (never lower than before, since a posting never
 * moves a member down), the history records exactly the changes of the model's tier, and one upgrade event each.
 */
class TierPropertyTest {
    @Test
    void after_every_posting_the_member_holds_the_highest_tier_the_points_so_far_reach() {
        qt().withExamples(40).withShrinkCycles(30)
                .forAll(lists().of(integers().between(1, 400)).ofSizeBetween(1, 5),
                        lists().of(integers().between(-300, 900)).ofSizeBetween(1, 20))
                .checkAssert((steps, postings) -> {
                    StoredCatalogueFixtures fixtures = new StoredCatalogueFixtures();
                    List<Tier> ladder = new ArrayList<>();
                    long threshold = 0;
                    for (int i = 0; i < steps.size(); i++) {
                        threshold += steps.get(i);
                        ladder.add(Tier.of("t" + i, "Tier " + i, threshold));
                    }
                    fixtures.tiers().defineTiers(DefineTiers.of("club", new TierRules(TierBasis.QUALIFYING_POINTS, 12,
                            ladder)));
                    Membership member = fixtures.member();
                    long sum = 0;
                    String modelTier = null;
                    List<String> modelChanges = new ArrayList<>();
                    for (int points : postings) {
                        fixtures.clock.advance(Duration.ofDays(1));
                        if (points >= 0) {
                            fixtures.earn(member, points == 0 ? 1 : points);
                            sum += points == 0 ? 1 : points;
                        } else if (sum + points >= 0) {
                            fixtures.loyalty().post(PostPoints.adjustment(member.id(), points, 0, "correction",
                                    "fix-" + fixtures.clock.instant()));
                            sum += points;
                        }
                        String reached = highestReached(ladder, sum);
                        if (rank(ladder, reached) > rank(ladder, modelTier)) {
                            modelTier = reached;
                            modelChanges.add(reached);
                        }
                        assertThat(fixtures.tiers().memberTier(member.id()).tierCode()).as("after %s", postings)
                                .isEqualTo(modelTier);
                    }
                    assertThat(fixtures.tiers().tierHistory(member.id(), 1000)).extracting(TierChange::toTier)
                            .isEqualTo(modelChanges);
                    assertThat(fixtures.events("loyalty.tier.upgraded")).hasSize(modelChanges.size());
                });
    }

    private static String highestReached(List<Tier> ladder, long sum) {
        String reached = null;
        for (Tier tier : ladder) {
            if (sum >= tier.threshold()) {
                reached = tier.code();
            }
        }
        return reached;
    }

    private static int rank(List<Tier> ladder, String code) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
