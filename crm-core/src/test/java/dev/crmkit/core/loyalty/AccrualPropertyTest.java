package dev.crmkit.core.loyalty;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;

/**
 * Item 9 of the loyalty issue: the generated sequences of {@link LedgerModelRun} (purchases, returns of parts of lines
 * and whole lines, time passing in steps of up to a week with the due-work scheduler posting pending points, activity
 * accruals, redemptions, adjustments either way, and retried duplicates of each) under a programme whose points never
 * expire. After every step the balances equal the model's, the storage's sums of the ledger equal the balances, none
 * is negative, each purchase accrued once, and every key the caller used took effect once.
 */
class AccrualPropertyTest {
    @Test
    void balances_follow_the_model_add_up_to_the_ledger_never_go_negative_and_each_key_counts_once() {
        qt().withExamples(40).withShrinkCycles(30)
                .forAll(lists().of(integers().between(0, 9999)).ofSizeBetween(1, 40))
                .checkAssert(steps -> LedgerModelRun.run(steps, null, 7));
    }
}
