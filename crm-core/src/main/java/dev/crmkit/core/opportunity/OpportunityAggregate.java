package dev.crmkit.core.opportunity;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.PipelineRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A deal and the rules of its life, in one place. Its state is the stored {@link OpportunityRecord}, wrapped, not
 * copied; each behaviour checks its preconditions, then returns an {@link OpportunityChange}: the record the deal
 * now holds, the stage it entered, and the events the change caused. It reads and writes nothing:
 * {@code StoredOpportunities} loads it with its pipeline, calls one behaviour, stores the record, appends the stage
 * history, moves the stalled alert and records the events, in one transaction.
 *
 * <p>A deal's status is the outcome of its stage:
 *
 * <pre>
 *            move to another open stage
 *              +--------+
 *              v        |
 *   open --&gt; [ OPEN ] --+--- close won ---&gt; [ WON ]
 *              ^  |                            |
 *              |  +----- close lost --&gt; [ LOST ]
 *              |                          |    |
 *              +------ reopen (by the pipeline's ReopenRule) ------+
 * </pre>
 *
 * <ul>
 *   <li>A deal opens in an open stage of its pipeline, the first unless another is named, and takes the stage's
 *       probability and forecast category unless it brings its own.</li>
 *   <li>An open deal moves between open stages; entering a stage sets the stage's probability and category.</li>
 *   <li>It closes won (a reason optional) or lost (a reason required) into the pipeline's first stage of that
 *       outcome. A won deal is never lost directly, nor a lost one won: it is reopened first, so the history shows
 *       it.</li>
 *   <li>A closed deal reopens into an open stage only while its pipeline's {@link ReopenRule} allows.</li>
 *   <li>Its details (name, owner, amount, probability, contacts, competitors) may be revised open or closed.</li>
 * </ul>
 *
 * Every refusal is an {@link IllegalTransitionException} naming both states, or a {@link ValidationException} naming
 * the field, thrown before anything changed.
 */
final class OpportunityAggregate {
    private static final Map<StageOutcome, Set<StageOutcome>> ALLOWED = Map.of(
            StageOutcome.OPEN, EnumSet.of(StageOutcome.OPEN, StageOutcome.WON, StageOutcome.LOST),
            StageOutcome.WON, EnumSet.of(StageOutcome.OPEN),
            StageOutcome.LOST, EnumSet.of(StageOutcome.OPEN));

    private final OpportunityRecord deal;

    OpportunityAggregate(OpportunityRecord deal) {
        this.deal = deal;
    }

    /** The record the deal holds. */
    OpportunityRecord record() {
        return deal;
    }

    /**
     * The stage a deal opens in: the named open stage of the pipeline, or its first open stage when none is named.
     *
     * @throws ValidationException ({@code stageKey}) when the pipeline has no such open stage
     */
    static PipelineStage openingStage(PipelineRecord pipeline, String stageKey) {
        return stageKey == null ? pipeline.first(StageOutcome.OPEN) : openStage(pipeline, stageKey);
    }

    /**
     * A deal opened now in {@code stage} of the pipeline with the validated terms of {@code command}: the stage's
     * probability and forecast category unless the command brings its own. Records {@link OpportunityOpened}.
     */
    static OpportunityChange open(String tenantId, UUID id, OpenOpportunity command, String name,
            DealRules.Priced priced, Set<String> competitors, String leadSource, UUID pipelineId, PipelineStage stage,
            Instant now) {
        int probability = command.probability() != null ? command.probability() : stage.probability();
        ForecastCategory category = command.forecastCategory() != null ? command.forecastCategory()
                : stage.forecastCategory();
        OpportunityRecord opened = new OpportunityRecord(tenantId, id, 1, now, now, name, command.customerId(),
                pipelineId, stage.key(), StageOutcome.OPEN, priced.amount(), priced.currency(), probability, category,
                command.expectedCloseDate(), command.ownerId(), priced.lineItems(), command.contacts(), competitors,
                command.sourceLeadId(), leadSource, now, null, null);
        return new OpportunityChange(null, opened, stage, List.of(new OpportunityOpened(tenantId, id,
                command.customerId(), pipelineId, stage.key(), command.ownerId(), opened.amount(), opened.currency(),
                probability, command.sourceLeadId(), leadSource, now)));
    }

    /**
     * Replaces the deal's details, open or closed; its stage, customer, pipeline and origin stay. Records
     * {@link OpportunityChanged}.
     */
    OpportunityChange revise(String name, DealRules.Priced priced, int probability, ForecastCategory category,
            LocalDate expectedCloseDate, UUID ownerId, Set<OpportunityContact> contacts, Set<String> competitors,
            Instant now) {
        OpportunityRecord revised = new OpportunityRecord(deal.tenantId(), deal.id(), deal.version(),
                deal.createdAt(), now, name, deal.customerId(), deal.pipelineId(), deal.stageKey(), deal.status(),
                priced.amount(), priced.currency(), probability, category, expectedCloseDate, ownerId,
                priced.lineItems(), contacts, competitors, deal.sourceLeadId(), deal.leadSource(),
                deal.stageEnteredAt(), deal.closedAt(), deal.closeReason());
        return new OpportunityChange(deal, revised, null, List.of(new OpportunityChanged(deal.tenantId(), deal.id(),
                ownerId, revised.amount(), revised.currency(), probability, category, expectedCloseDate, now)));
    }

    /**
     * Moves this open deal to another open stage of its pipeline. Records {@link OpportunityStageChanged}; the stage
     * it is in changes nothing.
     *
     * @throws IllegalTransitionException when the deal is closed (it is reopened instead)
     * @throws ValidationException ({@code stageKey}) when the pipeline has no such open stage
     */
    OpportunityChange moveTo(PipelineRecord pipeline, String stageKey, Instant now) {
        if (deal.status() != StageOutcome.OPEN) {
            throw new IllegalTransitionException("opportunity", deal.status(), stageKey);
        }
        PipelineStage stage = openStage(pipeline, stageKey);
        if (stage.key().equals(deal.stageKey())) {
            return OpportunityChange.none(deal);
        }
        OpportunityRecord moved = enter(stage, null, now);
        return new OpportunityChange(deal, moved, stage, List.of(new OpportunityStageChanged(deal.tenantId(),
                deal.id(), deal.stageKey(), stage.key(), moved.probability(), now)));
    }

    /**
     * Closes this open deal won, into the pipeline's first won stage, with an optional reason. Records
     * {@link OpportunityWon}.
     *
     * @throws IllegalTransitionException when the deal is closed already
     */
    OpportunityChange closeWon(PipelineRecord pipeline, String reason, Instant now) {
        return close(pipeline, StageOutcome.WON, reason, now);
    }

    /**
     * Closes this open deal lost, into the pipeline's first lost stage, with its reason. Records
     * {@link OpportunityLost}.
     *
     * @throws IllegalTransitionException when the deal is closed already
     */
    OpportunityChange closeLost(PipelineRecord pipeline, String reason, Instant now) {
        return close(pipeline, StageOutcome.LOST, reason, now);
    }

    /**
     * Reopens this closed deal into an open stage ({@code null}: the pipeline's first) while the pipeline's reopen
     * rule allows; its close date and reason go. Records {@link OpportunityReopened}.
     *
     * @throws IllegalTransitionException when the deal is open, or the reopen rule forbids it now
     * @throws ValidationException ({@code stageKey}) when the pipeline has no such open stage
     */
    OpportunityChange reopen(PipelineRecord pipeline, String stageKey, Instant now) {
        if (deal.status() == StageOutcome.OPEN) {
            throw new IllegalTransitionException("opportunity", StageOutcome.OPEN, "OPEN (only closed deals reopen)");
        }
        ReopenRule rule = pipeline.reopenRule();
        if (!rule.allows(deal.closedAt(), now)) {
            throw new IllegalTransitionException("opportunity", deal.status() + " (reopen rule " + rule.kind()
                    + (rule.kind() == ReopenRule.Kind.WITHIN_DAYS ? " " + rule.days() + " days" : "") + ")",
                    StageOutcome.OPEN);
        }
        PipelineStage stage = openingStage(pipeline, stageKey);
        return new OpportunityChange(deal, enter(stage, null, now), stage, List.of(new OpportunityReopened(
                deal.tenantId(), deal.id(), deal.status(), stage.key(), now)));
    }

    // ---- the rules behind the behaviours -----------------------------------------------------------------------

    private OpportunityChange close(PipelineRecord pipeline, StageOutcome outcome, String reason, Instant now) {
        check(outcome);
        PipelineStage stage = pipeline.first(outcome);
        OpportunityEvent closed = outcome == StageOutcome.WON
                ? new OpportunityWon(deal.tenantId(), deal.id(), deal.stageKey(), deal.ownerId(), deal.amount(),
                        deal.currency(), now)
                : new OpportunityLost(deal.tenantId(), deal.id(), deal.stageKey(), deal.ownerId(), deal.amount(),
                        deal.currency(), now);
        return new OpportunityChange(deal, enter(stage, reason, now), stage, List.of(closed));
    }

    /**
     * Throws unless a deal in its status may move to {@code to}.
     *
     * @throws IllegalTransitionException naming both
     */
    private void check(StageOutcome to) {
        if (!ALLOWED.get(deal.status()).contains(to)) {
            throw new IllegalTransitionException("opportunity", deal.status(), to);
        }
    }

    /** The deal in a stage: its probability, category and outcome; a closed stage keeps the time and reason. */
    private OpportunityRecord enter(PipelineStage stage, String reason, Instant now) {
        boolean open = stage.outcome() == StageOutcome.OPEN;
        return new OpportunityRecord(deal.tenantId(), deal.id(), deal.version(), deal.createdAt(), now, deal.name(),
                deal.customerId(), deal.pipelineId(), stage.key(), stage.outcome(), deal.amount(), deal.currency(),
                stage.probability(), stage.forecastCategory(), deal.expectedCloseDate(), deal.ownerId(),
                deal.lineItems(), deal.contacts(), deal.competitors(), deal.sourceLeadId(), deal.leadSource(), now,
                open ? null : now, open ? null : reason);
    }

    private static PipelineStage openStage(PipelineRecord pipeline, String key) {
        return pipeline.stage(key).filter(s -> s.outcome() == StageOutcome.OPEN)
                .orElseThrow(() -> new ValidationException("stageKey", "names no open stage of the pipeline"));
    }
}
