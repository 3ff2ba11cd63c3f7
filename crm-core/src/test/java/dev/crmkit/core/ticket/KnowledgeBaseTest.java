package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.OTHER_TENANT;
import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KnowledgeBaseTest {
    private final TicketFixtures f = new TicketFixtures();
    private final KnowledgeBase kb = f.crm.tenant(TENANT).service(KnowledgeBase.class);

    private static ArticleContent descaling() {
        return new ArticleContent("Descaling the kettle", "Limescale builds up; citric acid removes it.",
                List.of("kettle"), "en");
    }

    private Article published(String title, String body) {
        return kb.publish(kb.draft(new ArticleContent(title, body, List.of(), "en")).id());
    }

    @Test
    void an_article_is_drafted_published_archived_and_returned_to_draft_with_an_event_each() {
        Article draft = kb.draft(descaling());
        assertThat(draft.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.publishedAt()).isNull();

        f.clock.advance(Duration.ofMinutes(1));
        Article live = kb.publish(draft.id());
        assertThat(live.state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(live.publishedAt()).isEqualTo(f.clock.instant());
        Article archived = kb.archive(draft.id());
        assertThat(archived.state()).isEqualTo(ArticleState.ARCHIVED);
        assertThat(archived.publishedAt()).isEqualTo(live.publishedAt());
        Article again = kb.returnToDraft(draft.id());
        assertThat(again.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(again.publishedAt()).isNull();
        assertThat(again.version()).isEqualTo(4);
        assertThat(kb.returnToDraft(kb.publish(draft.id()).id()).state()).isEqualTo(ArticleState.DRAFT);

        assertThat(f.eventTypes(draft.id())).containsExactly("ticket.article.drafted", "ticket.article.published",
                "ticket.article.archived", "ticket.article.returned-to-draft", "ticket.article.published",
                "ticket.article.returned-to-draft");
    }

    @Test
    void a_move_the_lifecycle_does_not_list_is_refused_naming_both_states_and_changes_nothing() {
        Article draft = kb.draft(descaling());
        long events = f.outbox();

        assertThatThrownBy(() -> kb.archive(draft.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("article cannot move from DRAFT to ARCHIVED");
        assertThatThrownBy(() -> kb.returnToDraft(draft.id())).isInstanceOf(IllegalTransitionException.class);
        kb.publish(draft.id());
        assertThatThrownBy(() -> kb.publish(draft.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("article cannot move from PUBLISHED to PUBLISHED");
        assertThatThrownBy(() -> kb.revise(draft.id(), 2, descaling()))
                .isInstanceOf(IllegalTransitionException.class);
        kb.archive(draft.id());
        assertThatThrownBy(() -> kb.publish(draft.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> kb.archive(draft.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(kb.article(draft.id()).version()).isEqualTo(3);
        assertThat(f.outbox()).isEqualTo(events + 2);
    }

    @Test
    void a_revision_saves_over_the_version_the_editor_read_and_a_stale_one_conflicts() {
        Article draft = kb.draft(descaling());
        ArticleContent mine = new ArticleContent("Descaling", "Vinegar works too.", List.of("kettle"), "en-gb");
        ArticleContent theirs = new ArticleContent("Descaling, again", "Citric acid.", List.of(), "en");

        Article revised = kb.revise(draft.id(), draft.version(), mine);

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.language()).isEqualTo("en-GB");
        assertThat(revised.body()).isEqualTo("Vinegar works too.");
        assertThatThrownBy(() -> kb.revise(draft.id(), draft.version(), theirs))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(kb.article(draft.id())).isEqualTo(revised);
        assertThat(f.eventTypes(draft.id())).containsExactly("ticket.article.drafted", "ticket.article.revised");
    }

    @Test
    void bad_content_is_refused_naming_the_field_and_an_unknown_article_is_not_found() {
        assertThatThrownBy(() -> new ArticleContent(" ", "body", List.of(), "en"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() -> new ArticleContent("t", "", List.of(), "en"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> new ArticleContent("t", "b", List.of("Not A Tag"), "en"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags[]"));
        assertThatThrownBy(() -> new ArticleContent("t", "b", List.of(), "e_n!"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThatThrownBy(() -> kb.draft(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("content"));
        assertThatThrownBy(() -> kb.publish(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kb.search("  ", null, PageRequest.first(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThatThrownBy(() -> kb.search("?!", null, PageRequest.first(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThatThrownBy(() -> kb.search("kettle", "--", PageRequest.first(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThat(f.outbox()).isZero();
    }

    @Test
    void search_finds_published_articles_of_the_tenant_by_relevance() {
        Article kettle = published("Descaling the kettle", "Limescale builds up in the kettle.");
        Article toaster = published("Cleaning the toaster", "Crumbs and kettle talk.");
        kb.draft(new ArticleContent("Kettle draft", "kettle kettle", List.of(), "en"));
        f.crm.tenant(OTHER_TENANT).service(KnowledgeBase.class).publish(f.crm.tenant(OTHER_TENANT)
                .service(KnowledgeBase.class).draft(descaling()).id());

        assertThat(kb.search("kettle", null, PageRequest.first(10)).items()).extracting(Article::id)
                .containsExactly(kettle.id(), toaster.id());
        assertThat(kb.search("kettle", "de", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void suggestions_for_a_ticket_are_the_most_relevant_published_articles_for_its_subject_and_description() {
        Article kettle = published("Descaling the kettle", "Limescale builds up in the kettle.");
        Article delivery = published("Late delivery", "Parcels take up to five days.");
        published("Opening hours", "Nine to five.");
        Ticket ticket = f.tickets.open(OpenTicket.of(f.person(), TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "Kettle is late").withDescription("My delivery of a kettle has not arrived."));

        // "late" and "delivery" in the title weigh more than "kettle" in title and body
        assertThat(kb.suggestFor(ticket.id(), 5)).extracting(Article::id).containsExactly(delivery.id(), kettle.id());
        assertThat(kb.suggestFor(ticket.id(), 1)).extracting(Article::id).containsExactly(delivery.id());
        assertThatThrownBy(() -> kb.suggestFor(UUID.randomUUID(), 5)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kb.suggestFor(ticket.id(), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> kb.suggestFor(ticket.id(), 51))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThat(kb.suggestFor(ticket.id(), 50)).hasSize(2);
    }

    @Test
    void a_view_followed_by_no_ticket_within_a_day_is_deflected_and_one_followed_by_a_ticket_is_not() {
        Article kettle = published("Descaling the kettle", "Limescale builds up in the kettle.");
        UUID satisfied = f.person();
        UUID escalating = f.person();
        var start = f.clock.instant();
        kb.recordView(kettle.id(), satisfied, null);
        kb.recordView(kettle.id(), escalating, null);
        kb.recordView(kettle.id(), null, "session-17");
        kb.recordView(kettle.id(), null, "session-18");
        f.clock.advance(Duration.ofHours(2));
        f.tickets.open(OpenTicket.of(escalating, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Still scaly"));
        Ticket anonymous = f.tickets.open(OpenTicket.of(f.person(), TicketKind.COMPLAINT, TicketChannel.WEB_FORM,
                "Kettle"));
        kb.recordSessionTicket("session-18", anonymous.id());
        long events = f.outbox();
        kb.recordSessionTicket("session-18", anonymous.id());
        assertThat(f.outbox()).isEqualTo(events);

        assertThat(kb.deflection(start, start.plusSeconds(1)))
                .containsExactly(new ArticleDeflection(kettle.id(), 4, 0, 2));
        f.clock.advance(Duration.ofHours(22));
        ArticleDeflection report = kb.deflection(start, start.plusSeconds(1)).get(0);
        assertThat(report).isEqualTo(new ArticleDeflection(kettle.id(), 4, 2, 0));
        assertThat(report.rate()).isEqualTo(0.5);
        assertThat(report.escalated()).isEqualTo(2);
        assertThat(f.eventTypes(kettle.id())).containsSubsequence("ticket.article.viewed", "ticket.article.viewed",
                "ticket.article.viewed", "ticket.article.viewed");
    }

    @Test
    void a_view_names_a_published_article_and_a_live_customer_or_a_session() {
        Article draft = kb.draft(descaling());
        Article live = published("Descaling", "Citric acid.");
        UUID merged = f.customer(TENANT, PartyKind.PERSON, f.person());
        long events = f.outbox();

        assertThatThrownBy(() -> kb.recordView(draft.id(), f.person(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("articleId"));
        assertThatThrownBy(() -> kb.recordView(live.id(), merged, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> kb.recordView(live.id(), UUID.randomUUID(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> kb.recordView(live.id(), null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> kb.recordView(live.id(), null, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sessionId"));
        assertThatThrownBy(() -> kb.recordSessionTicket("s-1", UUID.randomUUID()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
        assertThatThrownBy(() -> kb.recordSessionTicket(null, UUID.randomUUID()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sessionId"));
        assertThatThrownBy(() -> kb.deflection(f.clock.instant(), f.clock.instant()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(f.outbox()).isEqualTo(events);
        assertThat(kb.deflection(f.clock.instant().minusSeconds(60), f.clock.instant().plusSeconds(60))).isEmpty();
    }

    @Test
    void the_deflection_window_is_a_setting_of_the_module() {
        assertThatThrownBy(() -> new KnowledgeBaseModule(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("window"));
        assertThatThrownBy(() -> new KnowledgeBaseModule(Duration.ofDays(366)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("window"));
        assertThat(new KnowledgeBaseModule(Duration.ofDays(365)).name()).isEqualTo("ticket.knowledge-base");
        assertThat(new KnowledgeBaseModule().requires()).contains("ticket");
    }
}
