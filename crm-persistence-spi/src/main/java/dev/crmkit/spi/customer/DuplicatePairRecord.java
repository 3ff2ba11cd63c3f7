package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * Two customers of one tenant that matching suspects to be one party, in the review queue. The pair is normalised:
 * {@code firstCustomerId} sorts before {@code secondCustomerId} in {@link Ids#ORDER}, so (a, b) and (b, a) are one
 * pair; {@link #of} puts two ids in that order.
 *
 * <ul>
 *   <li>{@code evidence}: required; what matching last found.</li>
 *   <li>{@code status}: required. {@code decision}: the last reviewer decision; null exactly while the pair has never
 *       been decided (a reopened pair keeps the reopening as its decision).</li>
 * </ul>
 */
public record DuplicatePairRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID firstCustomerId,
        UUID secondCustomerId,
        DuplicateEvidence evidence,
        DuplicatePairStatus status,
        DuplicateDecision decision) implements StoredRecord {

    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule; ({@code secondCustomerId}) when the
     *     two ids are equal or out of order
     */
    public DuplicatePairRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("firstCustomerId", firstCustomerId);
        Checks.id("secondCustomerId", secondCustomerId);
        if (Ids.ORDER.compare(firstCustomerId, secondCustomerId) >= 0) {
            throw new ValidationException("secondCustomerId", "must sort after firstCustomerId (a normalised pair)");
        }
        Checks.required("evidence", evidence);
        Checks.required("status", status);
    }

    /**
     * A newly suspected, open pair of {@code a} and {@code b} in either order, at version 1, created and updated when
     * it was found.
     *
     * @throws ValidationException as the canonical constructor; ({@code secondCustomerId}) when {@code a} equals
     *     {@code b}
     */
    public static DuplicatePairRecord of(String tenantId, UUID id, UUID a, UUID b, DuplicateEvidence evidence) {
        Checks.id("firstCustomerId", a);
        Checks.id("secondCustomerId", b);
        Checks.required("evidence", evidence);
        boolean inOrder = Ids.ORDER.compare(a, b) <= 0;
        return new DuplicatePairRecord(tenantId, id, 1, evidence.foundAt(), evidence.foundAt(), inOrder ? a : b,
                inOrder ? b : a, evidence, DuplicatePairStatus.OPEN, null);
    }

    /** Whether the pair is of this customer. */
    public boolean involves(UUID customerId) {
        return firstCustomerId.equals(customerId) || secondCustomerId.equals(customerId);
    }

    /** The other customer of the pair, seen from one of its two. */
    public UUID otherThan(UUID customerId) {
        return firstCustomerId.equals(customerId) ? secondCustomerId : firstCustomerId;
    }
}
