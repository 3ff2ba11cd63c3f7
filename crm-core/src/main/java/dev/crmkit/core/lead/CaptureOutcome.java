package dev.crmkit.core.lead;

/** What a capture did. */
public enum CaptureOutcome {
    /** A new lead was stored. */
    CREATED,
    /** The capture was folded into a matching open lead, which the result reports. */
    MERGED,
    /**
     * The idempotency key was used before: the result reports the lead the first capture created or was merged
     * into, unchanged.
     */
    REPLAYED
}
