package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sales pipeline of one tenant: its pipelines and the deals (opportunities) moving through them.
 *
 * <p>Every command is one transaction, joining the caller's when there is one (lead conversion opens a deal inside
 * its own transaction), records its {@link OpportunityEvent}s in the outbox in it, and writes with the stored
 * version, so a concurrent change makes the second writer fail with a {@link ConflictException} instead of losing
 * the first. Bad input throws a {@link ValidationException} naming the field and changes nothing: the customer must
 * be a live customer of the tenant, the owner a team member, each contact a live person, the stage a stage of the
 * pipeline, amounts non-negative, and line items all priced in one currency (the deal's amount is their total).
 *
 * <p>Lifecycle ({@code OpportunityAggregate}): an open deal moves between open stages ({@link #moveToStage}), is
 * won ({@link #closeWon}) or lost ({@link #closeLost}, reason required), and a closed deal is reopened
 * ({@link #reopen}) if its pipeline's {@link dev.crmkit.model.opportunity.ReopenRule} allows. Every stage a deal
 * enters is appended to its stage history with time and actor. A deal in a stage with a norm of days gets due work
 * of kind {@link #STALLED}: when it outstays the norm, the opportunity domain records {@link OpportunityStalled}.
 */
public interface OpportunityService {
    /** The kind of due work that fires when a deal outstays its stage's norm; its key is the deal's id. */
    String STALLED = "opportunity.stalled";

    /**
     * Defines a pipeline and publishes {@link PipelineDefined}.
     *
     * @throws DuplicateException with key {@code name} when the tenant has a pipeline of that name
     */
    Pipeline definePipeline(DefinePipeline definition);

    /**
     * Replaces a pipeline's name, stages and reopen rule, and publishes {@link PipelineDefined}. A stage that deals
     * are in cannot be dropped nor change its outcome ({@code ValidationException} on {@code stages}). New norms
     * and probabilities apply to deals from their next stage change on.
     *
     * @throws NotFoundException when there is no such pipeline
     */
    Pipeline redefinePipeline(UUID pipelineId, DefinePipeline definition);

    /**
     * The tenant's default pipeline: its first pipeline in id order (with the default time-ordered ids, the oldest);
     * a tenant without one gets {@link DefinePipeline#salesDefault()}, created by this call.
     */
    Pipeline defaultPipeline();

    /**
     * The pipeline with this id.
     *
     * @throws NotFoundException when the tenant has no such pipeline
     */
    Pipeline pipeline(UUID pipelineId);

    /** One page of the tenant's pipelines in id order. */
    Page<Pipeline> pipelines(PageRequest page);

    /**
     * Opens a deal, records its first stage in the history, schedules its stalled alert and publishes
     * {@link OpportunityOpened}.
     */
    Opportunity open(OpenOpportunity command, Actor actor);

    /** The scope of {@link #open(OpenOpportunity, Actor, String)}'s idempotency keys in the storage's key store. */
    String OPEN_SCOPE = "opportunity.open";

    /**
     * {@link #open(OpenOpportunity, Actor)} for a caller that may retry (a form posted twice, a request repeated
     * after a timeout): with a key (1 to 100 characters) used before in the tenant, returns the deal that first open
     * created, as it stands now, and changes nothing; also when two nodes receive the same command at once. A null
     * key opens a deal every time.
     *
     * @throws dev.crmkit.model.ConflictException when the key was used to open a deal of another customer
     */
    Opportunity open(OpenOpportunity command, Actor actor, String idempotencyKey);

    /**
     * Replaces a deal's details (open or closed) and publishes {@link OpportunityChanged}.
     *
     * @throws NotFoundException when there is no such deal
     */
    Opportunity revise(UUID opportunityId, OpportunityDetails details);

    /**
     * Moves an open deal to another open stage, which sets the stage's probability and forecast category, records
     * the change, reschedules the stalled alert and publishes {@link OpportunityStageChanged}. Moving to the stage
     * the deal is in changes nothing.
     *
     * @throws ValidationException ({@code stageKey}) when the pipeline has no such open stage
     * @throws IllegalTransitionException when the deal is closed (reopen it instead)
     */
    Opportunity moveToStage(UUID opportunityId, String stageKey, Actor actor);

    /**
     * Closes an open deal won (the reason is optional, at most 500 characters), cancels its stalled alert and
     * publishes {@link OpportunityWon}.
     *
     * @throws IllegalTransitionException when the deal is closed already
     */
    Opportunity closeWon(UUID opportunityId, String reason, Actor actor);

    /**
     * Closes an open deal lost with a reason (required, 1 to 500 characters), cancels its stalled alert and
     * publishes {@link OpportunityLost}.
     *
     * @throws IllegalTransitionException when the deal is closed already
     */
    Opportunity closeLost(UUID opportunityId, String reason, Actor actor);

    /**
     * Reopens a closed deal into an open stage ({@code null}: the pipeline's first), clears its close date and
     * reason, schedules its stalled alert and publishes {@link OpportunityReopened}.
     *
     * @throws IllegalTransitionException when the deal is open, or its pipeline's reopen rule forbids it now
     */
    Opportunity reopen(UUID opportunityId, String stageKey, Actor actor);

    /**
     * The deal with this id.
     *
     * @throws NotFoundException when the tenant has no such deal
     */
    Opportunity opportunity(UUID opportunityId);

    /** One page of the deals the filter selects, in id order. */
    Page<Opportunity> opportunities(OpportunityFilter filter, PageRequest page);

    /** A deal's stage history, oldest first; empty for an unknown deal. */
    List<StageChangeRecord> stageHistory(UUID opportunityId);

    /** The tenant's sales reports. */
    SalesReports reports();
}
