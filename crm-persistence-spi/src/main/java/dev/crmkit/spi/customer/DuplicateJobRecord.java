package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * The checkpoint of a tenant's bulk duplicate job: how far the job has walked the blocks of matching, what it has
 * counted, and which run holds it. At most one per tenant and job name; the core writes it after every batch, in the
 * unit that enters the batch's pairs, so a job started again continues after the last batch committed.
 *
 * <ul>
 *   <li>{@code job}: the job's name, 1 to 64 characters ({@code "duplicates"}).</li>
 *   <li>{@code checkpoint}: the phase, the position within it and the counts so far.</li>
 *   <li>{@code leaseOwner} and {@code leaseUntil}: the run holding the job until that instant, both null when no run
 *       holds it (stopped or finished). A run whose lease has passed is taken to have crashed.</li>
 * </ul>
 *
 * @param tenantId the tenant
 * @param id the record's id, kept when it is replaced
 * @param version 1 or more
 * @param createdAt when the job first ran
 * @param updatedAt the last checkpoint
 * @param job the job's name
 * @param checkpoint how far the job has come
 * @param leaseOwner the run holding it, or null
 * @param leaseUntil until when, or null
 */
public record DuplicateJobRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        String job, Checkpoint checkpoint, String leaseOwner, Instant leaseUntil) implements StoredRecord {
    /** The longest job name, lease owner and position. */
    public static final int MAX_NAME = 64;

    /** The longest position text. */
    public static final int MAX_POSITION = 1100;

    /** The parts of the walk, in the order the job takes them. */
    public enum Phase {
        /** The blocking keys of {@link MatchKeyStore}, in key order. */
        KEYS,
        /** The e-mail addresses several customers share. */
        EMAILS,
        /** The phone numbers several customers share. */
        PHONES,
        /** Every block was compared. */
        DONE
    }

    /**
     * How far a job has come.
     *
     * @param phase the phase it is in
     * @param position opaque text: where in the phase the next batch starts (null at the phase's start), at most
     *     {@value #MAX_POSITION} characters
     * @param blocksDone blocks compared so far in this walk
     * @param pairsFound pairs entered into the review queue, or rescored in it, so far in this walk
     */
    public record Checkpoint(Phase phase, String position, long blocksDone, long pairsFound) {
        /**
         * Checks the parts.
         *
         * @throws ValidationException ({@code phase}) when null; ({@code position}) when blank or too long;
         *     ({@code blocksDone}, {@code pairsFound}) when negative
         */
        public Checkpoint {
            Checks.required("phase", phase);
            if (position != null) {
                Checks.text("position", position, MAX_POSITION);
            }
            if (blocksDone < 0) {
                throw new ValidationException("blocksDone", "must not be negative");
            }
            if (pairsFound < 0) {
                throw new ValidationException("pairsFound", "must not be negative");
            }
        }

        /** The start of a walk. */
        public static Checkpoint start() {
            return new Checkpoint(Phase.KEYS, null, 0, 0);
        }
    }

    /**
     * Checks the rules above; timestamps are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule; ({@code leaseUntil}) when only one
     *     of owner and instant is given
     */
    public DuplicateJobRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("job", job, MAX_NAME);
        Checks.required("checkpoint", checkpoint);
        if (leaseOwner != null) {
            Checks.text("leaseOwner", leaseOwner, MAX_NAME);
        }
        leaseUntil = Checks.optionalInstant("leaseUntil", leaseUntil);
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new ValidationException("leaseUntil", "must be given with the lease owner, and only then");
        }
    }

    /** Whether a run other than {@code owner} holds the job at {@code now}. */
    public boolean heldByAnotherAt(String owner, Instant now) {
        return leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil.isAfter(now);
    }
}
