package dev.crmkit.core.lead;

import static dev.crmkit.model.lead.LeadStatus.CONTACTED;
import static dev.crmkit.model.lead.LeadStatus.CONVERTED;
import static dev.crmkit.model.lead.LeadStatus.DISQUALIFIED;
import static dev.crmkit.model.lead.LeadStatus.NEW;
import static dev.crmkit.model.lead.LeadStatus.NURTURING;
import static dev.crmkit.model.lead.LeadStatus.QUALIFIED;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.spi.lead.LeadRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A lead and every rule of its life, in one place. Its state is the stored {@link LeadRecord}, wrapped, not copied;
 * each behaviour checks its preconditions, then returns a {@link LeadChange}: the record the lead now holds and the
 * events the change caused. It reads and writes nothing: {@code StoredLeads} loads it, calls one behaviour, stores
 * the record and records the events, in one transaction.
 *
 * <pre>
 *   capture --&gt; NEW --&gt; CONTACTED --&gt; QUALIFIED --&gt; CONVERTED   (final)
 *                |         |     ^        |     ^
 *                |         v     |        v     |
 *                +-----&gt; NURTURING &lt;------+     |
 *                            |                  |
 *                            +------------------+   (a nurtured lead comes back contacted or qualified)
 *
 *   NEW, CONTACTED, QUALIFIED, NURTURING --&gt; DISQUALIFIED (with a reason) --&gt; NURTURING   (recycled)
 * </pre>
 *
 * <ul>
 *   <li>A lead is <em>contacted</em> when someone reaches out: its first outbound touch point, or one an agent
 *       handled, moves a new lead to contacted and ends its first-contact alert ({@link #touchedBy}).</li>
 *   <li>It is <em>qualified</em> once its BANT answers meet the {@link QualificationRule} ({@link #qualify}).</li>
 *   <li>Only a qualified lead <em>converts</em> ({@link #checkConvertible}, {@link #convert}); conversion is final.</li>
 *   <li>A lead that is not ready is <em>nurtured</em>, and comes back contacted or qualified later.</li>
 *   <li>A <em>disqualified</em> lead keeps its reason and may be <em>recycled</em> into nurturing.</li>
 *   <li>Only an open lead (not disqualified, not converted) is worked: touched, corrected, answered, assigned,
 *       merged into.</li>
 *   <li>Every change that can move the score is followed by a new score ({@link LeadChange#rescored}).</li>
 * </ul>
 *
 * Every refusal is an {@link IllegalTransitionException} naming both states (or a
 * {@link dev.crmkit.model.ValidationException} naming the field) thrown before anything changed.
 */
final class LeadAggregate {
    private static final Map<LeadStatus, Set<LeadStatus>> NEXT = new EnumMap<>(LeadStatus.class);

    static {
        NEXT.put(NEW, EnumSet.of(CONTACTED, NURTURING, DISQUALIFIED));
        NEXT.put(CONTACTED, EnumSet.of(QUALIFIED, NURTURING, DISQUALIFIED));
        NEXT.put(QUALIFIED, EnumSet.of(CONVERTED, NURTURING, DISQUALIFIED));
        NEXT.put(NURTURING, EnumSet.of(CONTACTED, QUALIFIED, DISQUALIFIED));
        NEXT.put(DISQUALIFIED, EnumSet.of(NURTURING));
        NEXT.put(CONVERTED, EnumSet.noneOf(LeadStatus.class));
    }

    private final LeadRecord lead;

    LeadAggregate(LeadRecord lead) {
        this.lead = lead;
    }

    /** The record the lead holds. */
    LeadRecord record() {
        return lead;
    }

    /** The states a lead in {@code from} may move to. */
    static Set<LeadStatus> next(LeadStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    // ---- capture -----------------------------------------------------------------------------------------------

    /**
     * A lead captured now: new, its first contact due within the tenant's target, linked to the customer (or null)
     * and flagged for review as the {@link LeadDedupPolicy} decided, and scored by {@code scoring}. Records
     * {@link LeadCaptured}.
     */
    static LeadChange capture(String tenantId, UUID id, LeadDetails details, LeadAttribution attribution,
            String idempotencyKey, UUID linkedCustomerId, boolean needsReview, Duration firstContactTarget,
            Function<LeadRecord, LeadScore> scoring, Instant now) {
        LeadRecord fresh = new LeadRecord(tenantId, id, 1, now, now, details, nameKey(id, details), attribution,
                NEW, null, Qualification.unknown(), 0, List.of(), null, null, now.plus(firstContactTarget), null,
                linkedCustomerId, needsReview, null, null, null, idempotencyKey);
        LeadScore score = scoring.apply(fresh);
        LeadRecord scored = fresh.withScore(score.points(), score.factors());
        return new LeadChange(null, scored, List.of(new LeadCaptured(tenantId, id, attribution.source(),
                attribution.campaignId(), score.points(), linkedCustomerId, needsReview, now)));
    }

    /**
     * Folds a resubmission of this open lead into it: the gaps in its details are filled from the submission, never
     * overwritten, since what the lead said first is what the rep has worked with. Records {@link LeadResubmitted};
     * the caller rescores once the submission's touch point is stored.
     */
    LeadChange resubmitted(LeadDetails submitted, LeadAttribution attribution, Instant now) {
        requireOpen("merged into");
        LeadDetails filled = fillGaps(lead.details(), submitted);
        return change(lead.withDetails(filled, nameKey(lead.id(), filled)), now, new LeadResubmitted(lead.tenantId(),
                lead.id(), attribution.source(), attribution.campaignId(), now));
    }

    // ---- work --------------------------------------------------------------------------------------------------

    /**
     * A touch point with this open lead. An outbound one, or one an agent handled, is the lead's first contact if it
     * had none: it records when, which ends the first-contact alert, and moves a new lead to contacted. The caller
     * stores the touch point and rescores.
     */
    LeadChange touchedBy(LeadTouchPoint touchPoint, Instant now) {
        requireOpen("being worked");
        if (!touchPoint.isContact() || lead.firstContactedAt() != null) {
            return change(lead, now);
        }
        LeadChange firstContact = change(lead.withFirstContact(lead.firstContactDueAt(), touchPoint.occurredAt()), now);
        if (lead.status() != NEW) {
            return firstContact;
        }
        return firstContact.then(contacted -> contacted.move(CONTACTED, null, now));
    }

    /**
     * Corrects this open lead's details: {@code correction} turns the stored details into the corrected ones,
     * normalized as on capture (and throws a {@link dev.crmkit.model.ValidationException} naming a bad part); the
     * name key follows them. Records {@link LeadChanged}; a correction that changes nothing changes nothing.
     */
    LeadChange correct(java.util.function.UnaryOperator<LeadDetails> correction, Instant now) {
        requireOpen("being worked");
        LeadDetails details = correction.apply(lead.details());
        if (details.equals(lead.details())) {
            return LeadChange.none(lead);
        }
        return change(lead.withDetails(details, nameKey(lead.id(), details)), now,
                new LeadChanged(lead.tenantId(), lead.id(), lead.qualification().answered(), now));
    }

    /** Replaces this open lead's qualification answers. Records {@link LeadChanged}. */
    LeadChange answer(Qualification answers, Instant now) {
        requireOpen("being worked");
        return change(lead.withQualification(answers), now,
                new LeadChanged(lead.tenantId(), lead.id(), answers.answered(), now));
    }

    /**
     * Qualifies a contacted or nurtured lead whose answers meet {@code rule}.
     *
     * @throws IllegalTransitionException when the lifecycle does not lead from the lead's state to qualified
     * @throws dev.crmkit.model.ValidationException naming what the answers lack
     */
    LeadChange qualify(QualificationRule rule, Instant now) {
        check(QUALIFIED);
        rule.check(lead.qualification());
        return move(QUALIFIED, null, now);
    }

    /** Moves this open lead to nurturing: not ready to buy now. */
    LeadChange nurture(Instant now) {
        requireOpen("being worked");
        return move(NURTURING, null, now);
    }

    /** Disqualifies this open lead with a reason; closing it ends its first-contact alert. */
    LeadChange disqualify(String reason, Instant now) {
        return move(DISQUALIFIED, reason, now);
    }

    /** Brings this disqualified lead back into nurturing. */
    LeadChange recycle(Instant now) {
        if (lead.status() != DISQUALIFIED) {
            throw new IllegalTransitionException("lead", lead.status(), "recycled");
        }
        return move(NURTURING, null, now);
    }

    /**
     * Gives this open lead to another owner (null: nobody). Records {@link LeadAssigned}; the owner it has already
     * changes nothing. Whether the member may take it is the caller's to check (it needs the team).
     */
    LeadChange assign(UUID ownerId, Assignment how, Instant now) {
        requireOpen("being worked");
        if (java.util.Objects.equals(ownerId, lead.ownerId())) {
            return LeadChange.none(lead);
        }
        return change(lead.withOwner(ownerId, now), now,
                new LeadAssigned(lead.tenantId(), lead.id(), lead.ownerId(), ownerId, how, now));
    }

    /**
     * The alert for a lead whose first contact is overdue at {@code now}: open, never contacted, and past its
     * target. Empty otherwise, which makes a stale alert (the lead was contacted or closed meanwhile) harmless.
     */
    Optional<LeadFirstContactOverdue> firstContactOverdue(Instant now) {
        boolean overdue = lead.isOpen() && lead.firstContactedAt() == null && lead.firstContactDueAt() != null
                && !lead.firstContactDueAt().isAfter(now);
        return overdue ? Optional.of(new LeadFirstContactOverdue(lead.tenantId(), lead.id(), lead.ownerId(),
                lead.firstContactDueAt(), now)) : Optional.empty();
    }

    // ---- conversion --------------------------------------------------------------------------------------------

    /**
     * Conversion's precondition, checked before the customer is found or registered: the lead is qualified.
     *
     * @throws IllegalTransitionException from the lead's state to converted otherwise
     */
    void checkConvertible() {
        check(CONVERTED);
    }

    /**
     * Converts this qualified lead into the customer (and the opportunity, or null) the conversion found or made,
     * which closes it and ends its first-contact alert. Records {@link LeadStatusChanged} and {@link LeadConverted}.
     */
    LeadChange convert(UUID customerId, boolean newCustomer, UUID opportunityId, int touchPointsMoved, Instant now) {
        checkConvertible();
        LeadRecord converted = lead.withStatus(CONVERTED, null, customerId, opportunityId, now);
        return change(converted, now,
                new LeadStatusChanged(lead.tenantId(), lead.id(), lead.status(), CONVERTED, now),
                new LeadConverted(lead.tenantId(), lead.id(), customerId, newCustomer, opportunityId,
                        lead.attribution().source(), lead.attribution().campaignId(), touchPointsMoved, now));
    }

    // ---- the rules behind the behaviours -----------------------------------------------------------------------

    /** Moves the lead in its lifecycle; a closed state gets its time (and, disqualified, its reason). */
    private LeadChange move(LeadStatus to, String reason, Instant now) {
        check(to);
        LeadRecord moved = lead.withStatus(to, reason, null, null, to.isOpen() ? null : now);
        return change(moved, now, new LeadStatusChanged(lead.tenantId(), lead.id(), lead.status(), to, now));
    }

    /**
     * Throws unless the lifecycle leads from the lead's state to {@code to}.
     *
     * @throws IllegalTransitionException naming both states
     */
    private void check(LeadStatus to) {
        if (!NEXT.get(lead.status()).contains(to)) {
            throw new IllegalTransitionException("lead", lead.status(), to);
        }
    }

    /**
     * Throws unless the lead is open, being worked.
     *
     * @throws IllegalTransitionException from the lead's closed state to "being worked"
     */
    void checkOpen() {
        requireOpen("being worked");
    }

    /** Throws unless the lead is open; {@code what} is the refused move, as the exception names it. */
    private void requireOpen(String what) {
        if (!lead.isOpen()) {
            throw new IllegalTransitionException("lead", lead.status(), what);
        }
    }

    private LeadChange change(LeadRecord changed, Instant now, LeadEvent... events) {
        return new LeadChange(lead, changed.touched(now), List.of(events));
    }

    /** The blocking key names are matched on, derived from the details. */
    private static String nameKey(UUID id, LeadDetails details) {
        return LeadIntake.profile(id, details).nameKey();
    }

    /** The details of {@code existing} with its gaps filled from {@code incoming}. */
    static LeadDetails fillGaps(LeadDetails existing, LeadDetails incoming) {
        return new LeadDetails(or(existing.givenName(), incoming.givenName()),
                or(existing.familyName(), incoming.familyName()), or(existing.companyName(), incoming.companyName()),
                or(existing.jobTitle(), incoming.jobTitle()), or(existing.industry(), incoming.industry()),
                existing.employees() != null ? existing.employees() : incoming.employees(),
                or(existing.email(), incoming.email()), or(existing.phone(), incoming.phone()),
                or(existing.countryCode(), incoming.countryCode()), or(existing.postcode(), incoming.postcode()),
                or(existing.city(), incoming.city()));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
