package dev.crmkit.model.loyalty;

/**
 * Where the points a purchase earned a member stand: {@code PENDING} until the programme's return window passes, then
 * {@code POSTED} (available to spend), or {@code CANCELLED} when returns took back everything before that (or the
 * membership was closed meanwhile). {@code POSTED} and {@code CANCELLED} are final.
 */
public enum AccrualStatus {
    /** Earned, held until the return window passes; not redeemable. */
    PENDING,
    /** Available: posted once the window passed. */
    POSTED,
    /** Nothing left to post. */
    CANCELLED
}
