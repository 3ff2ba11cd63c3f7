package dev.crmkit.spi.ticket;

import dev.crmkit.spi.StorageCapability;

/**
 * The storage capability of the knowledge base: FAQ articles, searched by relevance in the database, and their views
 * for deflection reports. An adapter offering it offers {@link TicketStorage} too: the deflection report reads the
 * tickets customers opened.
 */
public interface KnowledgeBaseStorage extends StorageCapability {
    /** Knowledge-base articles and their views. */
    ArticleStore articles();
}
