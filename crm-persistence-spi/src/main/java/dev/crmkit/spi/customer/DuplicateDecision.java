package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import java.time.Instant;

/**
 * A reviewer's last decision on a suspected duplicate pair.
 *
 * @param decidedBy who decided: the core's actor, {@code kind:id} ({@code USER:u-17}), 1 to 120 characters
 * @param decidedAt when
 * @param reason why, for a dismissal (free text up to {@value #MAX_REASON} characters), else null; kept in storage,
 *     never put in events
 */
public record DuplicateDecision(String decidedBy, Instant decidedAt, String reason) {
    /** The longest reason. */
    public static final int MAX_REASON = 500;

    /**
     * Checks the parts.
     *
     * @throws dev.crmkit.model.ValidationException ({@code decidedBy}, {@code decidedAt}, {@code reason}) when one is
     *     missing, blank or too long
     */
    public DuplicateDecision {
        Checks.text("decidedBy", decidedBy, 120);
        decidedAt = Checks.instant("decidedAt", decidedAt);
        Checks.optionalText("reason", reason, MAX_REASON);
    }
}
