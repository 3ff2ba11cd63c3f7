package dev.crmkit.core.loyalty;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;

/**
 * Item 9 of the loyalty issue with expiry: the generated sequences of {@link LedgerModelRun} (purchases, returns, time
 * passing with the scheduler posting pending points, activity accruals, redemptions, adjustments and retried
 * duplicates of each), with time passing in steps of up to 40 days, under a programme whose points expire one month
 * after they were posted (fixed, lot by lot) or after one month without activity. After every step the balances equal
 * the model's, the ledger adds up, the expired points equal the model's, none is negative, and every key took effect
 * once.
 */
class ExpiryPropertyTest {
    @Test
    void under_a_fixed_policy_balances_follow_the_lots_of_the_model_and_each_lot_expires_once() {
        qt().withExamples(30).withShrinkCycles(30)
                .forAll(lists().of(integers().between(0, 9999)).ofSizeBetween(1, 40))
                .checkAssert(steps -> LedgerModelRun.run(steps, ExpiryPolicy.fixed(1), 40));
    }

    @Test
    void under_an_activity_based_policy_balances_follow_the_model_and_points_expire_after_a_quiet_month() {
        qt().withExamples(30).withShrinkCycles(30)
                .forAll(lists().of(integers().between(0, 9999)).ofSizeBetween(1, 40))
                .checkAssert(steps -> LedgerModelRun.run(steps, ExpiryPolicy.afterInactivity(1), 40));
    }
}
