package dev.crmkit.core.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A deal's lifecycle under generated command sequences, legal and illegal ones alike, against a simple model of the
 * legal states (the diagram in opportunities.md) in a pipeline that allows reopening within 30 days: every command
 * the model accepts leaves the stored deal in the stage and status the model says, with the stage history one entry
 * longer for each stage entered; every command the model refuses throws the documented {@link CrmException} and
 * leaves the stored deal, its stage history and the outbox as they were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityLifecyclePropertyTest {
    private static final int REOPEN_DAYS = 30;
    private static final Map<String, StageOutcome> STAGES = Map.of("discovery", StageOutcome.OPEN,
            "demo", StageOutcome.OPEN, "won", StageOutcome.WON, "lost", StageOutcome.LOST);

    /** What a rep can do to a deal, and time passing. */
    private enum Command {
        MOVE_TO_DISCOVERY, MOVE_TO_DEMO, MOVE_TO_NOWHERE, MOVE_TO_WON, CLOSE_WON, CLOSE_LOST, REOPEN,
        REOPEN_INTO_DEMO, REVISE, WAIT_TWENTY_DAYS
    }

    /** The legal states and what each command does in them: the model. */
    private static final class Model {
        StageOutcome status = StageOutcome.OPEN;
        String stage = "discovery";
        Instant closedAt;
        int stagesEntered = 1;

        /** The exception the command must throw now, or null when it is accepted. */
        Class<? extends CrmException> refusal(Command command, Instant now) {
            boolean open = status == StageOutcome.OPEN;
            boolean reopenable = !open && !now.isAfter(closedAt.plus(Duration.ofDays(REOPEN_DAYS)));
            return switch (command) {
                case MOVE_TO_DISCOVERY, MOVE_TO_DEMO, CLOSE_WON, CLOSE_LOST -> open ? null
                        : IllegalTransitionException.class;
                case MOVE_TO_NOWHERE, MOVE_TO_WON -> open ? ValidationException.class : IllegalTransitionException.class;
                case REOPEN, REOPEN_INTO_DEMO -> reopenable ? null : IllegalTransitionException.class;
                case REVISE, WAIT_TWENTY_DAYS -> null;
            };
        }

        void accept(Command command, Instant now) {
            switch (command) {
                case MOVE_TO_DISCOVERY -> enter("discovery", StageOutcome.OPEN, now);
                case MOVE_TO_DEMO, REOPEN_INTO_DEMO -> enter("demo", StageOutcome.OPEN, now);
                case REOPEN -> enter("discovery", StageOutcome.OPEN, now);
                case CLOSE_WON -> enter("won", StageOutcome.WON, now);
                case CLOSE_LOST -> enter("lost", StageOutcome.LOST, now);
                default -> { }
            }
        }

        private void enter(String to, StageOutcome outcome, Instant now) {
            if (to.equals(stage) && outcome == status) {
                return;
            }
            stage = to;
            status = outcome;
            closedAt = outcome == StageOutcome.OPEN ? null : now;
            stagesEntered++;
        }
    }

    private static Gen<List<Command>> sequences() {
        return lists().of(integers().between(0, Command.values().length - 1).map(i -> Command.values()[i]))
                .ofSizeBetween(1, 25);
    }

    @Test
    void generated_commands_keep_a_deal_in_its_legal_states_and_a_refused_one_changes_nothing() {
        qt().withExamples(150).forAll(sequences()).checkAssert(commands -> {
            OpportunityFixtures f = new OpportunityFixtures();
            Pipeline pipeline = f.deals.definePipeline(OpportunityFixtures.shortPipeline("Short",
                    ReopenRule.withinDays(REOPEN_DAYS)));
            UUID id = f.deals.open(f.webShopDeal().inPipeline(pipeline.id()), OpportunityFixtures.ANA).id();
            OpportunityStorage stores = f.kernel.stores(OpportunityStorage.class);
            Model model = new Model();
            int step = 0;
            for (Command command : commands) {
                f.kernel.clock.advance(Duration.ofHours(1));
                Instant now = f.kernel.clock.instant();
                String at = "step " + step++ + " " + command + " in " + model.stage + " of " + commands;
                OpportunityRecord before = stores.opportunities().get(TouchPointFixtures.TENANT, id).orElseThrow();
                int historyBefore = f.deals.stageHistory(id).size();
                long outboxBefore = f.kernel.storage.outbox().countUndelivered();
                Class<? extends CrmException> refusal = model.refusal(command, now);

                Throwable thrown = catchThrowable(() -> run(command, f, id));

                OpportunityRecord after = stores.opportunities().get(TouchPointFixtures.TENANT, id).orElseThrow();
                if (refusal != null) {
                    assertThat(thrown).as(at).isInstanceOf(refusal);
                    assertThat(after).as(at + ": the stored deal").isEqualTo(before);
                    assertThat(f.deals.stageHistory(id)).as(at + ": the stage history").hasSize(historyBefore);
                    assertThat(f.kernel.storage.outbox().countUndelivered()).as(at + ": the outbox")
                            .isEqualTo(outboxBefore);
                } else {
                    assertThat(thrown).as(at).isNull();
                    model.accept(command, f.kernel.clock.instant());
                    assertThat(after.stageKey()).as(at).isEqualTo(model.stage);
                    assertThat(after.status()).as(at + ": the outcome of its stage").isEqualTo(model.status)
                            .isEqualTo(STAGES.get(after.stageKey()));
                    assertThat(after.closedAt() != null).as(at + ": closed").isEqualTo(model.status != StageOutcome.OPEN);
                    assertThat(f.deals.stageHistory(id)).as(at + ": one entry per stage entered")
                            .hasSize(model.stagesEntered);
                }
            }
        });
    }

    private static void run(Command command, OpportunityFixtures f, UUID id) {
        OpportunityService deals = f.deals;
        switch (command) {
            case MOVE_TO_DISCOVERY -> deals.moveToStage(id, "discovery", OpportunityFixtures.ANA);
            case MOVE_TO_DEMO -> deals.moveToStage(id, "demo", OpportunityFixtures.ANA);
            case MOVE_TO_NOWHERE -> deals.moveToStage(id, "nowhere", OpportunityFixtures.ANA);
            case MOVE_TO_WON -> deals.moveToStage(id, "won", OpportunityFixtures.ANA);
            case CLOSE_WON -> deals.closeWon(id, null, OpportunityFixtures.ANA);
            case CLOSE_LOST -> deals.closeLost(id, "went with a competitor", OpportunityFixtures.ANA);
            case REOPEN -> deals.reopen(id, null, OpportunityFixtures.ANA);
            case REOPEN_INTO_DEMO -> deals.reopen(id, "demo", OpportunityFixtures.ANA);
            case REVISE -> deals.revise(id, OpportunityDetails.of(deals.opportunity(id))
                    .withName("Web shop relaunch " + f.kernel.clock.millis()));
            case WAIT_TWENTY_DAYS -> f.kernel.clock.advance(Duration.ofDays(20));
        }
    }
}
