package dev.crmkit.spi.forecast;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.forecast.QuotaScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Forecast submissions, append-only: there is no update and no delete. The submissions of one member, scope and period
 * form a history versioned 1, 2, 3 ...; {@link #append} stores only the next version, so of two submissions racing on
 * two nodes from the same read exactly one is stored. Scoped by tenant in every call.
 */
public interface SubmissionStore {
    /**
     * Appends {@code submission} as the next version of its member's forecast for the scope and period: its version
     * must be one more than the highest stored (1 when there is none). Joins the current unit.
     *
     * @throws dev.crmkit.model.ValidationException ({@code submission}) when null
     * @throws dev.crmkit.model.ConflictException (retryable) when its version is not the next one (another submission
     *     stored it first, or it skips one); nothing is stored
     * @throws dev.crmkit.model.DuplicateException with {@code key() = "idempotencyKey"} when the tenant has a
     *     submission with that key, {@code key() = "id"} when it has one with that id; nothing is stored
     */
    SubmissionRecord append(SubmissionRecord submission);

    /** The submission with this id, or empty. */
    Optional<SubmissionRecord> get(String tenantId, UUID id);

    /** The submission stored with this idempotency key in this tenant, or empty; keys compare exactly. */
    Optional<SubmissionRecord> findByIdempotencyKey(String tenantId, String idempotencyKey);

    /** The member's current forecast for the scope and period: the highest version, or empty. */
    Optional<SubmissionRecord> latest(String tenantId, UUID memberId, QuotaScope scope, String period);

    /**
     * One page of the member's submissions for the scope and period, newest (highest version) first. Keyset paging
     * by version neither skips nor repeats a submission while others are appended.
     *
     * @throws dev.crmkit.model.ValidationException ({@code cursor}) for a cursor of another query
     */
    Page<SubmissionRecord> history(String tenantId, UUID memberId, QuotaScope scope, String period,
            PageRequest page);

    /**
     * Every member's forecast for the period as it stood at {@code cutoff}: per member and scope, the highest version
     * submitted at or before {@code cutoff}; ordered by member in {@link dev.crmkit.spi.Ids#ORDER}, then scope
     * ({@code REP} first). One per member and scope, so they come whole.
     */
    List<SubmissionRecord> asOf(String tenantId, String period, Instant cutoff);
}
