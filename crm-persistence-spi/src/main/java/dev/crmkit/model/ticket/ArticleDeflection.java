package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * How often one knowledge-base article was read in a period, and how often reading it spared the service desk a
 * ticket. A view is <em>deflected</em> when its window has ended and the viewer opened no ticket in it,
 * <em>pending</em> while its window is still open and no ticket was opened yet, and <em>escalated</em> once the viewer
 * opened a ticket in it.
 *
 * @param articleId the article
 * @param views     the views recorded in the period, 1 or more
 * @param deflected the views among them that were deflected
 * @param pending   the views among them still pending
 */
public record ArticleDeflection(UUID articleId, long views, long deflected, long pending) {
    /**
     * Checks that the counts add up.
     *
     * @throws ValidationException when a count is negative or deflected and pending views exceed the views
     */
    public ArticleDeflection {
        Checks.id("articleId", articleId);
        if (views < 1 || deflected < 0 || pending < 0 || deflected + pending > views) {
            throw new ValidationException("views", "must be 1 or more and hold the deflected and pending views");
        }
    }

    /** The views on which the viewer opened a ticket within the window. */
    public long escalated() {
        return views - deflected - pending;
    }

    /** Deflected views as a share of all views, from 0 to 1. */
    public double rate() {
        return (double) deflected / views;
    }
}
