package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.ArticleSearch;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.ArticleRecord;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.ArticleViewRecord;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.SessionTicketRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link ArticleStore} and {@link ArticleRecord}. Relevance is each backend's own: these contracts pin
 * only what must hold everywhere (what is found and what never is, title over body, the language filter, tenants,
 * stable paging), never a score. Every search inserts a few articles on other subjects first, because a full-text
 * engine gives a word found in every article no weight.
 */
public abstract class ArticleStoreContract extends ContractSupport {
    private static final Duration DAY = Duration.ofDays(1);

    private ArticleStore articles() {
        return capability(KnowledgeBaseStorage.class).articles();
    }

    private static ArticleRecord article(String tenant, String title, String body, String language,
            ArticleState state) {
        return new ArticleRecord(tenant, UUID.randomUUID(), 1, NOW, NOW,
                new ArticleContent(title, body, List.of("kitchen", "appliance"), language), state,
                state == ArticleState.DRAFT ? null : NOW);
    }

    private ArticleRecord published(String tenant, String title, String body) {
        return articles().insert(article(tenant, title, body, "en", ArticleState.PUBLISHED));
    }

    private void otherSubjects(String tenant) {
        published(tenant, "Invoices and payment terms", "Payment is due within thirty days of the invoice date.");
        published(tenant, "Changing your delivery address", "Update the address in your account before dispatch.");
        published(tenant, "Opening hours of our stores", "Stores open from nine until eighteen on weekdays.");
    }

    private List<UUID> found(String tenant, String text, String language, boolean anyWord) {
        return articles().search(tenant, new ArticleSearch(text, language, anyWord), PageRequest.first(100)).items()
                .stream().map(ArticleRecord::id).toList();
    }

    @Test
    void an_article_reads_back_equal_with_sorted_tags_and_canonical_language_and_only_in_its_tenant() {
        ArticleRecord article = new ArticleRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW.plusSeconds(1),
                new ArticleContent("Descaling the kettle", "Use citric acid.\nRinse twice.",
                        List.of("kettle", "cleaning", "kettle"), "en-gb"), ArticleState.ARCHIVED, NOW);

        assertThat(articles().insert(article)).isEqualTo(article);

        ArticleRecord read = articles().get(TENANT, article.id()).orElseThrow();
        assertThat(read).isEqualTo(article);
        assertThat(read.content().tags()).containsExactly("cleaning", "kettle");
        assertThat(read.content().language()).isEqualTo("en-GB");
        assertThat(articles().get(OTHER_TENANT, article.id())).isEmpty();
        assertThat(articles().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void an_article_without_tags_reads_back_without_tags() {
        ArticleRecord article = articles().insert(new ArticleRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW,
                new ArticleContent("Descaling", "Citric acid.", List.of(), "de"), ArticleState.DRAFT, null));

        assertThat(articles().get(TENANT, article.id()).orElseThrow().content().tags()).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_keeps_the_first_and_ids_are_per_tenant() {
        ArticleRecord first = published(TENANT, "Descaling the kettle", "Use citric acid.");
        ArticleRecord same = new ArticleRecord(TENANT, first.id(), 1, NOW, NOW,
                new ArticleContent("Other", "Other body", List.of(), "en"), ArticleState.DRAFT, null);

        assertThatThrownBy(() -> articles().insert(same))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(articles().get(TENANT, first.id())).contains(first);
        ArticleRecord foreign = new ArticleRecord(OTHER_TENANT, first.id(), 1, NOW, NOW, same.content(),
                ArticleState.DRAFT, null);
        assertThat(articles().insert(foreign)).isEqualTo(foreign);
    }

    @Test
    void insert_refuses_a_version_other_than_one() {
        ArticleRecord atTwo = new ArticleRecord(TENANT, UUID.randomUUID(), 2, NOW, NOW,
                new ArticleContent("Descaling", "Citric acid.", List.of(), "en"), ArticleState.DRAFT, null);

        assertThatThrownBy(() -> articles().insert(atTwo)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(articles().get(TENANT, atTwo.id())).isEmpty();
    }

    @Test
    void update_raises_the_version_keeps_created_at_and_a_stale_or_unknown_one_changes_nothing() {
        ArticleRecord stored = articles().insert(article(TENANT, "Descaling", "Citric acid.", "en",
                ArticleState.DRAFT));
        ArticleRecord revised = new ArticleRecord(TENANT, stored.id(), 1, NOW.minusSeconds(60), NOW.plusSeconds(60),
                new ArticleContent("Descaling the kettle", "Vinegar works too.", List.of("kettle"), "de"),
                ArticleState.PUBLISHED, NOW.plusSeconds(60));

        ArticleRecord updated = articles().update(revised, 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(NOW);
        assertThat(updated.content()).isEqualTo(revised.content());
        assertThat(articles().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> articles().update(revised, 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(articles().get(TENANT, stored.id())).contains(updated);
        ArticleRecord unknown = new ArticleRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, revised.content(),
                ArticleState.DRAFT, null);
        assertThatThrownBy(() -> articles().update(unknown, 1)).isInstanceOf(NotFoundException.class);
        ArticleRecord foreign = new ArticleRecord(OTHER_TENANT, stored.id(), 1, NOW, NOW, revised.content(),
                ArticleState.DRAFT, null);
        assertThatThrownBy(() -> articles().update(foreign, 2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_article_with_all_the_words_is_found_one_with_none_never_and_the_first_ranks_above_a_partial_one() {
        otherSubjects(TENANT);
        ArticleRecord all = published(TENANT, "Descaling the kettle", "Limescale builds up in every kettle.");
        ArticleRecord none = published(TENANT, "Returning a blender", "Pack the blender in its original box.");

        List<UUID> found = found(TENANT, "descaling kettle", null, false);

        assertThat(found).contains(all.id()).doesNotContain(none.id());
        assertThat(found(TENANT, "kettle", null, false)).containsExactly(all.id());
        assertThat(found(TENANT, "blender", null, false)).containsExactly(none.id());
    }

    @Test
    void a_search_for_any_word_finds_an_article_with_only_one_of_them_below_one_with_all() {
        otherSubjects(TENANT);
        ArticleRecord all = published(TENANT, "Descaling the kettle", "Limescale builds up inside every kettle.");
        ArticleRecord one = published(TENANT, "Cleaning the toaster", "Crumbs collect inside the toaster.");
        ArticleRecord none = published(TENANT, "Returning a blender", "Pack the blender in its original box.");

        List<UUID> found = found(TENANT, "kettle limescale toaster crumbs inside descaling", null, true);

        assertThat(found).contains(all.id(), one.id()).doesNotContain(none.id());
        assertThat(found(TENANT, "kettle limescale descaling", null, true)).containsExactly(all.id());
    }

    @Test
    void a_word_in_the_title_ranks_above_the_same_word_in_the_body() {
        otherSubjects(TENANT);
        ArticleRecord inBody = published(TENANT, "Looking after appliances", "Descale the espresso machine monthly.");
        ArticleRecord inTitle = published(TENANT, "The espresso machine", "Descale it monthly with citric acid.");

        assertThat(found(TENANT, "espresso", null, false)).containsExactly(inTitle.id(), inBody.id());
    }

    @Test
    void drafts_and_archived_articles_are_never_found() {
        otherSubjects(TENANT);
        ArticleRecord live = published(TENANT, "Descaling the kettle", "Limescale builds up.");
        ArticleRecord draft = articles().insert(article(TENANT, "Descaling the kettle again", "Limescale builds up.",
                "en", ArticleState.DRAFT));
        ArticleRecord archived = articles().insert(article(TENANT, "Descaling the old kettle",
                "Limescale builds up.", "en", ArticleState.ARCHIVED));

        assertThat(found(TENANT, "descaling kettle limescale", null, false)).containsExactly(live.id());
        assertThat(found(TENANT, "descaling kettle limescale", null, true)).containsExactly(live.id());
        articles().update(new ArticleRecord(TENANT, live.id(), 1, NOW, NOW, live.content(), ArticleState.ARCHIVED,
                NOW), 1);
        assertThat(found(TENANT, "descaling kettle limescale", null, true)).isEmpty();
        assertThat(articles().get(TENANT, draft.id())).isPresent();
        assertThat(articles().get(TENANT, archived.id())).isPresent();
    }

    @Test
    void a_language_filter_finds_only_articles_in_that_language_and_none_finds_every_language() {
        otherSubjects(TENANT);
        ArticleRecord english = published(TENANT, "Kettle limescale", "Descaling with citric acid.");
        ArticleRecord german = articles().insert(article(TENANT, "Kettle limescale", "Descaling with citric acid.",
                "de-DE", ArticleState.PUBLISHED));

        assertThat(found(TENANT, "kettle limescale", "de-de", false)).containsExactly(german.id());
        assertThat(found(TENANT, "kettle limescale", "en", false)).containsExactly(english.id());
        assertThat(found(TENANT, "kettle limescale", "fr", false)).isEmpty();
        assertThat(found(TENANT, "kettle limescale", null, false)).containsExactlyInAnyOrder(english.id(),
                german.id());
    }

    @Test
    void a_search_sees_only_its_own_tenant() {
        otherSubjects(TENANT);
        otherSubjects(OTHER_TENANT);
        ArticleRecord ours = published(TENANT, "Descaling the kettle", "Limescale builds up.");
        ArticleRecord theirs = published(OTHER_TENANT, "Descaling the kettle", "Limescale builds up.");

        assertThat(found(TENANT, "descaling kettle", null, true)).containsExactly(ours.id());
        assertThat(found(OTHER_TENANT, "descaling kettle", null, true)).containsExactly(theirs.id());
    }

    @Test
    void pages_of_a_search_neither_skip_nor_repeat_and_follow_the_single_page_order() {
        otherSubjects(TENANT);
        for (int i = 0; i < 7; i++) {
            published(TENANT, "Descaling the kettle", "Limescale builds up in the kettle.");
        }
        published(TENANT, "Kettle", "Descaling the kettle removes limescale from the kettle.");
        List<UUID> whole = found(TENANT, "kettle limescale", null, true);
        List<UUID> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<ArticleRecord> page = articles().search(TENANT, new ArticleSearch("kettle limescale", null, true),
                    request);
            page.items().forEach(a -> walked.add(a.id()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(whole).hasSize(8).doesNotHaveDuplicates();
        assertThat(walked).containsExactlyElementsOf(whole);
        List<UUID> sameText = whole.stream().filter(id -> !articles().get(TENANT, id).orElseThrow().content()
                .title().equals("Kettle")).toList();
        assertThat(sameText).isSortedAccordingTo(Ids.ORDER);
    }

    @Test
    void a_view_id_is_recorded_once() {
        ArticleViewRecord view = view(TENANT, UUID.randomUUID(), UUID.randomUUID(), null, NOW);
        articles().recordView(view);

        assertThatThrownBy(() -> articles().recordView(view)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(articles().deflection(TENANT, NOW, NOW.plus(DAY), NOW))
                .containsExactly(new ArticleDeflection(view.articleId(), 1, 0, 1));
    }

    @Test
    void a_view_is_escalated_by_a_ticket_in_its_window_deflected_after_it_and_pending_before_it_ends() {
        UUID article = UUID.randomUUID();
        UUID escalatedCustomer = UUID.randomUUID();
        UUID lateCustomer = UUID.randomUUID();
        UUID earlyCustomer = UUID.randomUUID();
        UUID edgeCustomer = UUID.randomUUID();
        UUID pendingCustomer = UUID.randomUUID();
        articles().recordView(view(TENANT, article, escalatedCustomer, null, NOW));
        ticketOf(TENANT, escalatedCustomer, NOW.plus(Duration.ofHours(23)));
        articles().recordView(view(TENANT, article, lateCustomer, null, NOW));
        ticketOf(TENANT, lateCustomer, NOW.plus(DAY));                       // the window's end is not in it
        articles().recordView(view(TENANT, article, earlyCustomer, null, NOW));
        ticketOf(TENANT, earlyCustomer, NOW.minusSeconds(1));                // before the view
        articles().recordView(view(TENANT, article, edgeCustomer, null, NOW));
        ticketOf(TENANT, edgeCustomer, NOW);                                 // at the view: in the window
        ticketOf(TENANT, UUID.randomUUID(), NOW.plusSeconds(60));            // someone else's
        articles().recordView(view(TENANT, article, pendingCustomer, null, NOW.plus(DAY)));

        // as of the first views' window end: those four are decided, the last one's window is still open
        assertThat(articles().deflection(TENANT, NOW, NOW.plus(Duration.ofDays(2)), NOW.plus(DAY)))
                .containsExactly(new ArticleDeflection(article, 5, 2, 1));
        // a moment before it, the undecided ones of the first four are pending too
        assertThat(articles().deflection(TENANT, NOW, NOW.plus(Duration.ofDays(2)), NOW.plus(DAY).minusNanos(1000)))
                .containsExactly(new ArticleDeflection(article, 5, 0, 3));
    }

    @Test
    void a_session_that_opened_a_ticket_in_the_window_escalates_its_views_and_recording_it_twice_changes_nothing() {
        UUID article = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        articles().recordView(view(TENANT, article, null, "session-1", NOW));
        articles().recordView(view(TENANT, article, null, "session-2", NOW));
        articles().recordView(view(OTHER_TENANT, article, null, "session-3", NOW));
        assertThat(articles().recordSessionTicket(new SessionTicketRecord(TENANT, "session-1", ticket,
                NOW.plusSeconds(5)))).isTrue();
        assertThat(articles().recordSessionTicket(new SessionTicketRecord(TENANT, "session-1", ticket,
                NOW.plusSeconds(5)))).isFalse();
        articles().recordSessionTicket(new SessionTicketRecord(OTHER_TENANT, "session-2", ticket, NOW));

        assertThat(articles().deflection(TENANT, NOW, NOW.plusSeconds(1), NOW.plus(DAY)))
                .containsExactly(new ArticleDeflection(article, 2, 1, 0));
        assertThat(articles().deflection(OTHER_TENANT, NOW, NOW.plusSeconds(1), NOW.plus(DAY)))
                .containsExactly(new ArticleDeflection(article, 1, 1, 0));
    }

    @Test
    void the_report_counts_views_of_its_period_per_article_in_id_order() {
        List<UUID> ids = new ArrayList<>(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        ids.sort(Ids.ORDER);
        articles().recordView(view(TENANT, ids.get(2), UUID.randomUUID(), null, NOW));
        articles().recordView(view(TENANT, ids.get(0), UUID.randomUUID(), null, NOW.plus(DAY).minusNanos(1000)));
        articles().recordView(view(TENANT, ids.get(0), UUID.randomUUID(), "s", NOW.plusSeconds(1)));
        articles().recordView(view(TENANT, ids.get(1), UUID.randomUUID(), null, NOW.plus(DAY)));      // after the period
        articles().recordView(view(TENANT, ids.get(1), UUID.randomUUID(), null, NOW.minusNanos(1000))); // before it

        assertThat(articles().deflection(TENANT, NOW, NOW.plus(DAY), NOW.plus(Duration.ofDays(3))))
                .containsExactly(new ArticleDeflection(ids.get(0), 2, 2, 0), new ArticleDeflection(ids.get(2), 1, 1, 0));
        assertThat(articles().deflection(OTHER_TENANT, NOW, NOW.plus(DAY), NOW)).isEmpty();
        assertThatThrownBy(() -> articles().deflection(TENANT, NOW, NOW, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    private static ArticleViewRecord view(String tenant, UUID article, UUID customer, String session, Instant at) {
        return new ArticleViewRecord(tenant, UUID.randomUUID(), article, customer, session, at, at.plus(DAY));
    }

    private void ticketOf(String tenant, UUID customer, Instant createdAt) {
        capability(TicketStorage.class).tickets().insert(new TicketRecord(tenant, UUID.randomUUID(), 1, createdAt,
                createdAt, TicketKind.SERVICE_REQUEST, TicketChannel.WEB_FORM, customer, null,
                TicketPriority.NORMAL, null, TicketState.NEW, TicketContent.subject("Kettle"), null, null, null,
                null));
    }
}
