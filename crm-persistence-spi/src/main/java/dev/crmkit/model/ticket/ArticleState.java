package dev.crmkit.model.ticket;

/**
 * Where a knowledge-base article is in its life: written as a {@code DRAFT}, {@code PUBLISHED} for customers and
 * agents to find, {@code ARCHIVED} when it no longer applies. A published or archived article goes back to
 * {@code DRAFT} for revision. Only published articles are found by search and suggested for tickets.
 */
public enum ArticleState {
    /** Being written or revised; not found by search. */
    DRAFT,
    /** Found by search and suggested for tickets. */
    PUBLISHED,
    /** No longer applies; kept, not found by search. */
    ARCHIVED
}
