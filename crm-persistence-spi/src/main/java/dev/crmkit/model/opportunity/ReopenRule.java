package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a pipeline lets a closed deal be reopened: {@link Kind#NEVER}, {@link Kind#WITHIN_DAYS} of closing (then
 * {@code days} is 1 to 3650), or {@link Kind#ALWAYS}. {@code days} is 0 for the other two kinds.
 */
public record ReopenRule(Kind kind, int days) {
    /** The kinds of rule. */
    public enum Kind {
        /** A closed deal stays closed. */
        NEVER,
        /** A closed deal may be reopened until {@code days} days after it closed. */
        WITHIN_DAYS,
        /** A closed deal may be reopened at any time. */
        ALWAYS
    }

    /**
     * @throws ValidationException ({@code reopenRule.kind}) when the kind is null; ({@code reopenRule.days}) when a
     *     {@link Kind#WITHIN_DAYS} rule's days are not 1 to 3650, or another kind's are not 0
     */
    public ReopenRule {
        Checks.required("reopenRule.kind", kind);
        if (kind == Kind.WITHIN_DAYS ? days < 1 || days > PipelineStage.MAX_NORM_DAYS : days != 0) {
            throw new ValidationException("reopenRule.days", kind == Kind.WITHIN_DAYS
                    ? "must be 1 to " + PipelineStage.MAX_NORM_DAYS : "must be 0 unless the rule counts days");
        }
    }

    /** Closed is closed. */
    public static ReopenRule never() {
        return new ReopenRule(Kind.NEVER, 0);
    }

    /** Reopening is allowed up to {@code days} days after closing. */
    public static ReopenRule withinDays(int days) {
        return new ReopenRule(Kind.WITHIN_DAYS, days);
    }

    /** Reopening is always allowed. */
    public static ReopenRule always() {
        return new ReopenRule(Kind.ALWAYS, 0);
    }

    /** Whether a deal closed at {@code closedAt} may be reopened at {@code now}. */
    public boolean allows(Instant closedAt, Instant now) {
        return switch (kind) {
            case NEVER -> false;
            case ALWAYS -> true;
            case WITHIN_DAYS -> !now.isAfter(closedAt.plus(Duration.ofDays(days)));
        };
    }
}
