package dev.crmkit.core.lead;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.Qualification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The leads of one tenant, from capture to conversion: de-duplicated against open leads and customers, scored
 * with an explanation, distributed to the team, worked through an explicit {@link LeadLifecycle}, and converted
 * into a customer and an opportunity.
 *
 * <p>Every command is one transaction (joining the caller's, if any), records its {@link LeadEvent}s in the outbox
 * in it, and writes with the version it read, so concurrent changes to one lead never lose either: the second
 * gets a {@link ConflictException}. Bad input throws a {@link ValidationException} naming the field and changes
 * nothing. Every change that can move the score (capture, merge, touch point, qualification, state) rescores the
 * lead with the tenant's {@link LeadSettings#models() models}.
 *
 * <p>A lead's touch points are stored as interactions of the lead's id, so they appear in the customer's
 * 360-degree view once conversion moves them; a lead not contacted by its first-contact target raises
 * {@link LeadFirstContactOverdue} through the due-work scheduler ({@link #FIRST_CONTACT_DUE}).
 */
public interface LeadService {
    /** The kind of due work that fires when a lead's first-contact target passes; its key is the lead id. */
    String FIRST_CONTACT_DUE = "lead.first-contact-due";

    /**
     * Captures a lead: normalizes its contact data, matches it against open leads and customers by the customer
     * matching rules and acts as the tenant's {@link LeadDedupPolicy} says, scores it, schedules its first-contact
     * target and, with a distribution strategy set, assigns it. Records {@link LeadCaptured} (or
     * {@link LeadResubmitted} for a merge) and {@link LeadAssigned}. It is {@link #captureAll} of this one command,
     * with the errors naming the command's fields themselves ({@code email}, not {@code commands[0].email}).
     *
     * <p>A command with an idempotency key used before replays: it returns the lead the first capture went into and
     * changes nothing; also when another node captures the same submission at the same moment, where the database
     * shows that node's commit inside a running transaction (PostgreSQL, H2, the in-memory storage).
     *
     * @throws ValidationException naming the field when the command is invalid; nothing is stored
     * @throws dev.crmkit.model.DuplicateException ({@code idempotencyKey}) when another node captured the same
     *     submission at the same moment and this transaction cannot see it (MariaDB at its default REPEATABLE READ);
     *     nothing is stored, and a retry replays
     */
    CaptureResult capture(CaptureLead command);

    /** The most commands {@link #captureAll} takes in one call. */
    int MAX_BATCH = 1000;

    /**
     * Captures a batch of leads in one transaction, for imports and list uploads: each command is decided as
     * {@link #capture} decides it when the commands are captured one after another in list order (a later command
     * can merge into, or replay, a lead an earlier one created), but the batch reads and writes storage a bounded
     * number of times whatever its size (docs/performance.md measures it): the idempotency keys, open-lead matches,
     * customer matches and the pool are each read once, and the new leads, their first-contact work and the events
     * are each written as one batch.
     *
     * <p>The results are in command order and show each lead as the batch leaves it: a new lead at version 1
     * with its owner, even when a later command of the batch was merged into it. Differences from capturing the
     * commands one by one, all of them in what is recorded rather than decided: a lead merged into more than once is rescored
     * once at the end (one {@link LeadScored}), and the distribution's rotation is saved once.
     *
     * <p>Every command is validated before anything is read or written: one bad command rejects the batch. When
     * another node distributes leads of the pool, or captures one of the batch's keyed submissions, before the batch
     * writes, the batch is decided again in its transaction (see {@link #capture} for where that sees the other
     * node's commit).
     *
     * @throws ValidationException ({@code commands}) when the list is null, holds nulls or more than
     *     {@link #MAX_BATCH} commands; ({@code commands[i].<field>}) when command {@code i} is invalid. Nothing is
     *     stored.
     * @throws dev.crmkit.model.DuplicateException ({@code idempotencyKey}) when another node captured one of the
     *     submissions at the same moment and the batch cannot be decided again (it had written already, or this
     *     transaction cannot see the other node's commit); nothing of the batch is stored (in the caller's
     *     transaction: the caller rolls back), and a retry replays that submission
     * @throws ConflictException when a lead the batch merges into changed meanwhile; nothing is stored
     */
    List<CaptureResult> captureAll(List<CaptureLead> commands);

    /**
     * The lead with this id.
     *
     * @throws NotFoundException when there is none in the tenant
     */
    Lead get(UUID leadId);

    /** One page of the leads the filter selects, in id order. */
    Page<Lead> find(LeadFilter filter, PageRequest page);

    /**
     * Records a touch point with an open lead; an outbound one (or one an agent handled) is the first contact of a
     * new lead, which moves it to contacted and stops its first-contact alert. Rescores.
     */
    Lead recordTouchPoint(UUID leadId, LeadTouchPoint touchPoint);

    /**
     * Corrects an open lead's details (a typo in the e-mail address, a new job title): the given parts replace the
     * stored ones, normalized as on capture, the name key is derived again and the lead is rescored; records
     * {@link LeadChanged}. The lead is not matched again against other leads and customers. A change that changes
     * nothing writes nothing.
     *
     * @throws ValidationException naming the field when a part is invalid, or ({@code details}) when the lead would
     *     name nobody; nothing changes
     * @throws NotFoundException when there is no such lead in the tenant
     * @throws IllegalTransitionException when the lead is closed
     */
    Lead updateDetails(UpdateLeadDetails change);

    /** Replaces the qualification answers of an open lead (null parts: not known) and rescores. */
    Lead updateQualification(UUID leadId, Qualification answers);

    /**
     * Qualifies a contacted or nurtured lead. The rule: the need is known and at least three of the four BANT
     * questions have answers.
     *
     * @throws IllegalTransitionException when the lifecycle does not allow it
     * @throws ValidationException ({@code qualification}) when the answers do not meet the rule
     */
    Lead qualify(UUID leadId);

    /** Moves an open lead to nurturing: not ready to buy now. */
    Lead nurture(UUID leadId);

    /** Disqualifies an open lead with a reason (1 to 200 characters), which closes it and ends its first-contact alert. */
    Lead disqualify(UUID leadId, String reason);

    /** Brings a disqualified lead back into nurturing. */
    Lead recycle(UUID leadId);

    /**
     * Assigns an open lead to a team member by hand; the member must be available now and below capacity.
     *
     * @throws ValidationException ({@code memberId}) when the member is unknown, unavailable or full
     */
    Lead assign(UUID leadId, UUID memberId);

    /** Assigns an unassigned open lead with the tenant's strategy; unchanged when nobody can take it. */
    Lead distribute(UUID leadId);

    /**
     * Distributes again every open lead of a member who cannot take work any longer (deactivated or away), each
     * with the tenant's strategy; leads nobody can take become unassigned. Returns how many leads left the member.
     */
    int redistribute(UUID memberId);

    /**
     * The open leads of a member, most urgent first by {@link WorkQueuePriority}, at most {@code limit} (1 to
     * 1000). Reads the member's open leads page by page (their number is bounded by the member's capacity when
     * leads are distributed automatically).
     */
    List<QueueEntry> queue(UUID memberId, int limit);

    /**
     * Converts a qualified lead into a customer, and an opportunity if asked, in one transaction; its touch points
     * move to the customer. Records {@link LeadConverted}.
     *
     * @throws IllegalTransitionException unless the lead is qualified
     * @throws NotFoundException when the lead, or the customer named, does not exist
     */
    Conversion convert(ConvertLead command);

    /** The leads captured in {@code [from, to)} per source, by state, with their conversion rate; one query. */
    List<SourceFunnel> funnel(Instant from, Instant to);

    /** Recomputes a lead's score (after the models changed, say) and stores it if it changed. */
    Lead rescore(UUID leadId);

    /**
     * Trains the tenant's {@link NaiveBayesLeadModel} on its converted and disqualified leads, read page by page, and,
     * when there were enough, stores it as the tenant's current model at the next version and records
     * {@link LeadModelTrained}, in one unit. Every node scores with the stored model from its next scoring unit on, and
     * a restart keeps it. Existing scores change only as leads are rescored. Without enough history nothing is stored
     * or recorded and the tenant keeps the model it had.
     *
     * @throws dev.crmkit.model.ConflictException (retryable) when another training, on this node or another, stored a
     *     model after this one started; the other's model stays current
     */
    TrainingReport trainPredictiveModel();
}
