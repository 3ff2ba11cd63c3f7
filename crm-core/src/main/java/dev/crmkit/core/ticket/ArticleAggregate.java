package dev.crmkit.core.ticket;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.spi.ticket.ArticleRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A knowledge-base article and the rules of its life. Its state is the stored {@link ArticleRecord}, wrapped; each
 * behaviour checks its precondition and returns the record the article now holds and its event; {@code StoredArticles}
 * stores it over the version read and records the event.
 *
 * <pre>
 *   draft --&gt; [ DRAFT ] --publish--&gt; [ PUBLISHED ] --archive--&gt; [ ARCHIVED ]
 *               ^  | revise                |                        |
 *               |  +--&gt; DRAFT              |                        |
 *               +---- return to draft -----+------------------------+
 * </pre>
 *
 * Only a draft is revised. A move {@link Move} does not list is an {@link IllegalTransitionException} naming both
 * states, thrown before anything changed.
 */
final class ArticleAggregate {
    /** Every move of the lifecycle: the states it starts from and the state it leads to. */
    enum Move {
        PUBLISH(EnumSet.of(ArticleState.DRAFT), ArticleState.PUBLISHED),
        ARCHIVE(EnumSet.of(ArticleState.PUBLISHED), ArticleState.ARCHIVED),
        RETURN_TO_DRAFT(EnumSet.of(ArticleState.PUBLISHED, ArticleState.ARCHIVED), ArticleState.DRAFT),
        REVISE(EnumSet.of(ArticleState.DRAFT), ArticleState.DRAFT);

        private final Set<ArticleState> from;
        private final ArticleState to;

        Move(Set<ArticleState> from, ArticleState to) {
            this.from = from;
            this.to = to;
        }

        /** The states this move starts from. */
        Set<ArticleState> from() {
            return from;
        }

        /** The state it leads to. */
        ArticleState to() {
            return to;
        }
    }

    /** What a behaviour did: the record before (null for a new draft), the record after and its event. */
    record Change(ArticleRecord before, ArticleRecord after, List<ArticleEvent> events) {
    }

    private final ArticleRecord record;

    ArticleAggregate(ArticleRecord record) {
        this.record = record;
    }

    ArticleRecord record() {
        return record;
    }

    /** A new draft at version 1. */
    static Change draft(String tenantId, UUID id, ArticleContent content, Instant now) {
        ArticleRecord draft = new ArticleRecord(tenantId, id, 1, now, now, content, ArticleState.DRAFT, null);
        return new Change(null, draft, List.of(new ArticleDrafted(tenantId, id, content.language(), 1, now)));
    }

    /** New content for a draft. */
    Change revise(ArticleContent content, Instant now) {
        check(Move.REVISE);
        ArticleRecord after = with(content, ArticleState.DRAFT, null, now);
        return new Change(record, after, List.of(new ArticleRevised(record.tenantId(), record.id(),
                content.language(), after.version(), now)));
    }

    Change publish(Instant now) {
        check(Move.PUBLISH);
        ArticleRecord after = with(record.content(), Move.PUBLISH.to(), now, now);
        return new Change(record, after, List.of(new ArticlePublished(record.tenantId(), record.id(), record.state(),
                after.version(), now)));
    }

    Change archive(Instant now) {
        check(Move.ARCHIVE);
        ArticleRecord after = with(record.content(), Move.ARCHIVE.to(), record.publishedAt(), now);
        return new Change(record, after, List.of(new ArticleArchived(record.tenantId(), record.id(), record.state(),
                after.version(), now)));
    }

    Change returnToDraft(Instant now) {
        check(Move.RETURN_TO_DRAFT);
        ArticleRecord after = with(record.content(), Move.RETURN_TO_DRAFT.to(), null, now);
        return new Change(record, after, List.of(new ArticleReturnedToDraft(record.tenantId(), record.id(),
                record.state(), after.version(), now)));
    }

    private void check(Move move) {
        if (!move.from().contains(record.state())) {
            throw new IllegalTransitionException("article", record.state(), move.to());
        }
    }

    private ArticleRecord with(ArticleContent content, ArticleState state, Instant publishedAt, Instant now) {
        return new ArticleRecord(record.tenantId(), record.id(), record.version() + 1, record.createdAt(), now, content,
                state, publishedAt);
    }
}
