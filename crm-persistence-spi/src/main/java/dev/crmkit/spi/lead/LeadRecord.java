package dev.crmkit.spi.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored state of a lead: a person or company that may buy, from capture to conversion.
 *
 * <ul>
 *   <li>{@code details}: who the lead is; {@code nameKey}: the blocking key the core matches names on, optional,
 *       at most 100 characters.</li>
 *   <li>{@code attribution}: where the lead came from, with its raw submission.</li>
 *   <li>{@code status}; {@code disqualificationReason} (at most 200 characters) is set exactly when the status is
 *       {@link LeadStatus#DISQUALIFIED}; {@code convertedCustomerId} exactly when it is {@link LeadStatus#CONVERTED}
 *       ({@code convertedOpportunityId} only then, and optional); {@code closedAt} exactly when the lead is closed.</li>
 *   <li>{@code qualification}: the BANT answers so far.</li>
 *   <li>{@code score}: 0 to 100; {@code scoreFactors}: its explanation, at most 50 lines, kept in the given order.</li>
 *   <li>{@code ownerId}: the team member working the lead, with {@code assignedAt}, both set or both null.</li>
 *   <li>{@code firstContactDueAt}: when the first contact should have happened at the latest; optional.
 *       {@code firstContactedAt}: when it did.</li>
 *   <li>{@code matchedCustomerId}: an existing customer this lead is the same party as; {@code needsReview}: a
 *       match was found that a person should look at.</li>
 *   <li>{@code idempotencyKey}: the caller's key for a retried capture; optional, unique in the tenant, at most 100.</li>
 * </ul>
 */
public record LeadRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        LeadDetails details,
        String nameKey,
        LeadAttribution attribution,
        LeadStatus status,
        String disqualificationReason,
        Qualification qualification,
        int score,
        List<ScoreFactor> scoreFactors,
        UUID ownerId,
        Instant assignedAt,
        Instant firstContactDueAt,
        Instant firstContactedAt,
        UUID matchedCustomerId,
        boolean needsReview,
        UUID convertedCustomerId,
        UUID convertedOpportunityId,
        Instant closedAt,
        String idempotencyKey) implements StoredRecord {

    /** The highest score. */
    public static final int MAX_SCORE = 100;
    /** The most explanation lines a score keeps. */
    public static final int MAX_FACTORS = 50;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * The score factors are copied, in the given order; the optional instants are truncated too.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public LeadRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.required("details", details);
        Checks.optionalText("nameKey", nameKey, 100);
        Checks.required("attribution", attribution);
        Checks.required("status", status);
        Checks.optionalText("disqualificationReason", disqualificationReason, 200);
        if ((status == LeadStatus.DISQUALIFIED) != (disqualificationReason != null)) {
            throw new ValidationException("disqualificationReason", "must be given exactly when the lead is disqualified");
        }
        if ((status == LeadStatus.CONVERTED) != (convertedCustomerId != null)) {
            throw new ValidationException("convertedCustomerId", "must be set exactly when the lead is converted");
        }
        if (convertedOpportunityId != null && status != LeadStatus.CONVERTED) {
            throw new ValidationException("convertedOpportunityId", "may be set only when the lead is converted");
        }
        closedAt = Checks.optionalInstant("closedAt", closedAt);
        if (status.isOpen() == (closedAt != null)) {
            throw new ValidationException("closedAt", "must be set exactly when the lead is closed");
        }
        Checks.required("qualification", qualification);
        if (score < 0 || score > MAX_SCORE) {
            throw new ValidationException("score", "must be 0 to " + MAX_SCORE);
        }
        Checks.noNulls("scoreFactors", scoreFactors);
        if (scoreFactors.size() > MAX_FACTORS) {
            throw new ValidationException("scoreFactors", "must hold at most " + MAX_FACTORS + " lines");
        }
        scoreFactors = List.copyOf(scoreFactors);
        assignedAt = Checks.optionalInstant("assignedAt", assignedAt);
        if ((ownerId == null) != (assignedAt == null)) {
            throw new ValidationException("assignedAt", "must be set exactly when the lead has an owner");
        }
        firstContactDueAt = Checks.optionalInstant("firstContactDueAt", firstContactDueAt);
        firstContactedAt = Checks.optionalInstant("firstContactedAt", firstContactedAt);
        Checks.optionalText("idempotencyKey", idempotencyKey, 100);
    }

    /** Whether the lead is still being worked. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** This lead as changed at {@code now} (same version: the store raises it). */
    public LeadRecord touched(Instant now) {
        return new LeadRecord(tenantId, id, version, createdAt, now, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }

    /** This lead with other details and name key. */
    public LeadRecord withDetails(LeadDetails details, String nameKey) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }

    /** This lead in another state; the reason, the conversion ids and closedAt as that state needs them. */
    public LeadRecord withStatus(LeadStatus status, String disqualificationReason, UUID convertedCustomerId,
            UUID convertedOpportunityId, Instant closedAt) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }

    /** This lead with other qualification answers. */
    public LeadRecord withQualification(Qualification qualification) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }

    /** This lead with another score and explanation. */
    public LeadRecord withScore(int score, List<ScoreFactor> scoreFactors) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }

    /** This lead with another owner (null: unassigned) assigned at {@code assignedAt}. */
    public LeadRecord withOwner(UUID ownerId, Instant assignedAt) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, ownerId == null ? null : assignedAt,
                firstContactDueAt, firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId,
                convertedOpportunityId, closedAt, idempotencyKey);
    }

    /** This lead with its first-contact target and the time of its first contact. */
    public LeadRecord withFirstContact(Instant dueAt, Instant contactedAt) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, dueAt, contactedAt,
                matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId, closedAt, idempotencyKey);
    }

    /** This lead with a matched customer and review flag. */
    public LeadRecord withMatch(UUID matchedCustomerId, boolean needsReview) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }

    /** This lead at another version, as a store returns it after an update. */
    public LeadRecord atVersion(long version, Instant createdAt) {
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                disqualificationReason, qualification, score, scoreFactors, ownerId, assignedAt, firstContactDueAt,
                firstContactedAt, matchedCustomerId, needsReview, convertedCustomerId, convertedOpportunityId,
                closedAt, idempotencyKey);
    }
}
