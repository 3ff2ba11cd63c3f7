package dev.crmkit.core.ticket;

import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.spi.ticket.ArticleRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A knowledge-base article as the {@link KnowledgeBase} returns it.
 *
 * @param id          the article's id
 * @param version     its optimistic version: pass it to {@link KnowledgeBase#revise} to save over exactly it
 * @param createdAt   when it was drafted
 * @param updatedAt   when it last changed
 * @param title       its title
 * @param body        its body
 * @param tags        its tags, sorted
 * @param language    its language, a canonical BCP 47 tag
 * @param state       where it is in its life
 * @param publishedAt when it was last published, null on a draft
 */
public record Article(UUID id, long version, Instant createdAt, Instant updatedAt, String title, String body,
        List<String> tags, String language, ArticleState state, Instant publishedAt) {

    static Article of(ArticleRecord r) {
        return new Article(r.id(), r.version(), r.createdAt(), r.updatedAt(), r.content().title(), r.content().body(),
                r.content().tags(), r.content().language(), r.state(), r.publishedAt());
    }
}
