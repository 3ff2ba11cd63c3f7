package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.spi.lead.LeadRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The lead aggregate on its own, without storage: each rule of a lead's life as a sentence, with the record and the
 * events a behaviour returns, and the refusals naming what was refused.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadAggregateTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(3));
    private static final UUID ID = UUID.fromString("01890000-0000-7000-8000-000000000001");
    private static final UUID REP = UUID.fromString("01890000-0000-7000-8000-0000000000aa");
    private static final UUID OTHER_REP = UUID.fromString("01890000-0000-7000-8000-0000000000bb");
    private static final UUID CUSTOMER = UUID.fromString("01890000-0000-7000-8000-0000000000cc");
    private static final LeadDetails GRACE = new LeadDetails("Grace", "Hopper", "Hopper Systems GmbH", null, null,
            120, "grace@hopper-systems.example", null, "DE", null, null);
    private static final Function<LeadRecord, LeadScore> TWENTY = lead -> LeadScore.of(List.of(new ScoreFactor(
            "fit.test", 20)));
    private static final Qualification BANT = new Qualification(new BigDecimal("25000"), "EUR", true,
            "Replace the spreadsheet CRM", LocalDate.parse("2026-06-30"));

    private static LeadChange captured() {
        return LeadAggregate.capture("acme", ID, GRACE, LeadAttribution.of(LeadSource.WEB_FORM), "post-1", CUSTOMER,
                true, Duration.ofHours(24), TWENTY, NOW);
    }

    private static LeadAggregate fresh() {
        return new LeadAggregate(captured().after());
    }

    private static LeadAggregate in(LeadStatus status) {
        LeadRecord lead = captured().after();
        LeadRecord moved = switch (status) {
            case NEW -> lead;
            case CONTACTED, QUALIFIED, NURTURING -> lead.withStatus(status, null, null, null, null);
            case DISQUALIFIED -> lead.withStatus(status, "no budget", null, null, NOW);
            case CONVERTED -> lead.withStatus(status, null, CUSTOMER, null, NOW);
        };
        return new LeadAggregate(moved.withQualification(BANT));
    }

    private static LeadTouchPoint callBy(String agent) {
        return LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND, LATER).by(agent, "reached");
    }

    @Test
    void a_captured_lead_is_new_scored_due_for_first_contact_linked_and_announced() {
        LeadChange change = captured();

        LeadRecord lead = change.after();
        assertThat(change.before()).isNull();
        assertThat(change.isCapture()).isTrue();
        assertThat(change.changed()).isTrue();
        assertThat(change.endsFirstContactAlert()).isFalse();
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.firstContactDueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(lead.score()).isEqualTo(20);
        assertThat(lead.matchedCustomerId()).isEqualTo(CUSTOMER);
        assertThat(lead.needsReview()).isTrue();
        assertThat(lead.idempotencyKey()).isEqualTo("post-1");
        assertThat(lead.nameKey()).isNotNull().contains("hopper");
        assertThat(change.events()).containsExactly(new LeadCaptured("acme", ID, LeadSource.WEB_FORM, null, 20,
                CUSTOMER, true, NOW));
    }

    @Test
    void the_first_call_makes_a_new_lead_contacted_and_ends_its_alert() {
        LeadChange change = fresh().touchedBy(callBy("rep-1"), LATER);

        assertThat(change.after().status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(change.after().firstContactedAt()).isEqualTo(LATER);
        assertThat(change.after().updatedAt()).isEqualTo(LATER);
        assertThat(change.endsFirstContactAlert()).isTrue();
        assertThat(change.events()).containsExactly(new LeadStatusChanged("acme", ID, LeadStatus.NEW,
                LeadStatus.CONTACTED, LATER));
    }

    @Test
    void an_inbound_touch_point_nobody_handled_is_no_contact() {
        LeadChange change = fresh().touchedBy(LeadTouchPoint.of(Channel.EMAIL, Direction.INBOUND, LATER), LATER);

        assertThat(change.after().status()).isEqualTo(LeadStatus.NEW);
        assertThat(change.after().firstContactedAt()).isNull();
        assertThat(change.after().updatedAt()).isEqualTo(LATER);
        assertThat(change.events()).isEmpty();
        assertThat(change.endsFirstContactAlert()).isFalse();
    }

    @Test
    void a_first_contact_with_a_nurtured_lead_is_recorded_but_does_not_move_it() {
        LeadChange change = in(LeadStatus.NURTURING).touchedBy(callBy("rep-1"), LATER);

        assertThat(change.after().status()).isEqualTo(LeadStatus.NURTURING);
        assertThat(change.after().firstContactedAt()).isEqualTo(LATER);
        assertThat(change.events()).isEmpty();
        assertThat(change.endsFirstContactAlert()).isTrue();
    }

    @Test
    void a_later_contact_keeps_the_time_of_the_first() {
        LeadAggregate contacted = new LeadAggregate(fresh().touchedBy(callBy("rep-1"), LATER).after());

        LeadChange change = contacted.touchedBy(callBy("rep-2"), LATER.plusSeconds(60));

        assertThat(change.after().firstContactedAt()).isEqualTo(LATER);
        assertThat(change.events()).isEmpty();
        assertThat(change.endsFirstContactAlert()).isFalse();
    }

    @Test
    void a_closed_lead_is_not_worked_and_the_refusal_names_its_state() {
        for (LeadStatus closed : List.of(LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED)) {
            LeadAggregate lead = in(closed);
            assertRefused(() -> lead.touchedBy(callBy("rep-1"), LATER), closed, "being worked");
            assertRefused(() -> lead.correct(d -> GRACE, LATER), closed, "being worked");
            assertRefused(() -> lead.answer(BANT, LATER), closed, "being worked");
            assertRefused(() -> lead.nurture(LATER), closed, "being worked");
            assertRefused(() -> lead.assign(REP, Assignment.MANUAL, LATER), closed, "being worked");
            assertRefused(lead::checkOpen, closed, "being worked");
            assertRefused(() -> lead.resubmitted(GRACE, LeadAttribution.of(LeadSource.EVENT), LATER), closed,
                    "merged into");
            assertRefused(() -> lead.disqualify("again", LATER), closed, "DISQUALIFIED");
        }
    }

    @Test
    void a_correction_renames_the_name_key_and_announces_itself_and_an_equal_one_changes_nothing() {
        LeadAggregate lead = fresh();
        LeadDetails married = new LeadDetails("Grace", "Murray", "Hopper Systems GmbH", null, null, 120,
                "grace@hopper-systems.example", null, "DE", null, null);

        LeadChange change = lead.correct(stored -> married, LATER);
        LeadChange same = lead.correct(stored -> stored, LATER);

        assertThat(change.after().details()).isEqualTo(married);
        assertThat(change.after().nameKey()).contains("murray");
        assertThat(change.events()).containsExactly(new LeadChanged("acme", ID, 0, LATER));
        assertThat(same.changed()).isFalse();
        assertThat(same.after()).isSameAs(lead.record());
    }

    @Test
    void answers_replace_the_qualification_and_count_in_the_event() {
        LeadChange change = fresh().answer(BANT, LATER);

        assertThat(change.after().qualification()).isEqualTo(BANT);
        assertThat(change.events()).containsExactly(new LeadChanged("acme", ID, 4, LATER));
    }

    @Test
    void qualifying_needs_a_contacted_or_nurtured_lead_and_answers_that_meet_the_rule() {
        QualificationRule rule = QualificationRule.bantWithNeed();
        assertRefused(() -> in(LeadStatus.NEW).qualify(rule, LATER), LeadStatus.NEW, "QUALIFIED");
        assertRefused(() -> in(LeadStatus.QUALIFIED).qualify(rule, LATER), LeadStatus.QUALIFIED, "QUALIFIED");
        LeadAggregate withoutNeed = new LeadAggregate(in(LeadStatus.CONTACTED).record().withQualification(
                new Qualification(new BigDecimal("1"), "EUR", true, null, LocalDate.parse("2026-06-30"))));
        assertThatThrownBy(() -> withoutNeed.qualify(rule, LATER)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("qualification.need"));

        for (LeadStatus from : List.of(LeadStatus.CONTACTED, LeadStatus.NURTURING)) {
            LeadChange change = in(from).qualify(rule, LATER);
            assertThat(change.after().status()).isEqualTo(LeadStatus.QUALIFIED);
            assertThat(change.events()).containsExactly(new LeadStatusChanged("acme", ID, from, LeadStatus.QUALIFIED,
                    LATER));
        }
    }

    @Test
    void the_qualification_rule_wants_the_need_and_three_answers() {
        QualificationRule rule = QualificationRule.bantWithNeed();

        rule.check(new Qualification(null, null, true, "a need", LocalDate.parse("2026-06-30")));
        assertThatThrownBy(() -> rule.check(new Qualification(null, null, null, "a need",
                LocalDate.parse("2026-06-30")))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("qualification"));
        assertThatThrownBy(() -> rule.check(new Qualification(BigDecimal.TEN, "EUR", true, null,
                LocalDate.parse("2026-06-30")))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("qualification.need"));
    }

    @Test
    void nurturing_is_for_open_leads_not_nurtured_yet() {
        assertThat(in(LeadStatus.QUALIFIED).nurture(LATER).after().status()).isEqualTo(LeadStatus.NURTURING);
        assertRefused(() -> in(LeadStatus.NURTURING).nurture(LATER), LeadStatus.NURTURING, "NURTURING");
    }

    @Test
    void disqualifying_closes_with_the_reason_and_ends_the_alert_and_recycling_reopens_into_nurturing() {
        LeadChange disqualified = in(LeadStatus.CONTACTED).disqualify("no budget", LATER);

        assertThat(disqualified.after().status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(disqualified.after().disqualificationReason()).isEqualTo("no budget");
        assertThat(disqualified.after().closedAt()).isEqualTo(LATER);
        assertThat(disqualified.endsFirstContactAlert()).isTrue();

        LeadChange recycled = new LeadAggregate(disqualified.after()).recycle(LATER.plusSeconds(1));
        assertThat(recycled.after().status()).isEqualTo(LeadStatus.NURTURING);
        assertThat(recycled.after().disqualificationReason()).isNull();
        assertThat(recycled.after().closedAt()).isNull();
        assertThat(recycled.endsFirstContactAlert()).isFalse();
        assertRefused(() -> in(LeadStatus.NURTURING).recycle(LATER), LeadStatus.NURTURING, "recycled");
    }

    @Test
    void assigning_another_owner_announces_both_and_the_same_owner_changes_nothing() {
        LeadAggregate owned = new LeadAggregate(fresh().assign(REP, Assignment.AUTOMATIC, NOW).after());

        LeadChange again = owned.assign(REP, Assignment.MANUAL, LATER);
        LeadChange moved = owned.assign(OTHER_REP, Assignment.MANUAL, LATER);
        LeadChange unassigned = owned.assign(null, Assignment.REDISTRIBUTED, LATER);

        assertThat(again.changed()).isFalse();
        assertThat(moved.after().ownerId()).isEqualTo(OTHER_REP);
        assertThat(moved.after().assignedAt()).isEqualTo(LATER);
        assertThat(moved.events()).containsExactly(new LeadAssigned("acme", ID, REP, OTHER_REP, Assignment.MANUAL,
                LATER));
        assertThat(unassigned.after().ownerId()).isNull();
        assertThat(unassigned.after().assignedAt()).isNull();
    }

    @Test
    void only_a_qualified_lead_converts_and_conversion_closes_it_for_good() {
        for (LeadStatus from : List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.NURTURING,
                LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED)) {
            assertRefused(in(from)::checkConvertible, from, "CONVERTED");
            assertRefused(() -> in(from).convert(CUSTOMER, true, null, 0, LATER), from, "CONVERTED");
        }
        UUID deal = UUID.fromString("01890000-0000-7000-8000-0000000000dd");

        LeadChange change = in(LeadStatus.QUALIFIED).convert(CUSTOMER, false, deal, 3, LATER);

        assertThat(change.after().status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(change.after().convertedCustomerId()).isEqualTo(CUSTOMER);
        assertThat(change.after().convertedOpportunityId()).isEqualTo(deal);
        assertThat(change.after().closedAt()).isEqualTo(LATER);
        assertThat(change.endsFirstContactAlert()).isTrue();
        assertThat(change.events()).containsExactly(
                new LeadStatusChanged("acme", ID, LeadStatus.QUALIFIED, LeadStatus.CONVERTED, LATER),
                new LeadConverted("acme", ID, CUSTOMER, false, deal, LeadSource.WEB_FORM, null, 3, LATER));
        assertThat(LeadLifecycle.next(LeadStatus.CONVERTED)).isEmpty();
    }

    @Test
    void a_resubmission_fills_the_gaps_and_never_overwrites() {
        LeadDetails sparse = new LeadDetails(null, "Hopper", null, null, null, null, "grace@hopper-systems.example",
                null, null, null, null);
        LeadAggregate lead = new LeadAggregate(captured().after().withDetails(sparse, "hopper"));
        LeadDetails submitted = new LeadDetails("Amazing Grace", "Murray", "Hopper Systems GmbH", "CTO", "software", 120,
                "other@hopper-systems.example", "+49301234567", "DE", "10115", "Berlin");

        LeadChange change = lead.resubmitted(submitted, new LeadAttribution(LeadSource.EVENT, "fair-26", null, null),
                LATER);

        assertThat(change.after().details()).isEqualTo(new LeadDetails("Amazing Grace", "Hopper",
                "Hopper Systems GmbH", "CTO", "software", 120, "grace@hopper-systems.example", "+49301234567", "DE",
                "10115", "Berlin"));
        assertThat(change.after().nameKey()).isNotEqualTo("hopper");
        assertThat(change.events()).containsExactly(new LeadResubmitted("acme", ID, LeadSource.EVENT, "fair-26",
                LATER));
        assertThat(LeadAggregate.fillGaps(GRACE, submitted).employees()).as("kept").isEqualTo(120);
        assertThat(LeadAggregate.fillGaps(sparse, submitted).employees()).as("filled").isEqualTo(120);
    }

    @Test
    void the_first_contact_is_overdue_only_for_an_open_lead_never_contacted_past_its_target() {
        LeadAggregate lead = fresh();
        Instant due = NOW.plus(Duration.ofHours(24));

        assertThat(lead.firstContactOverdue(due.minusSeconds(1))).isEmpty();
        assertThat(lead.firstContactOverdue(due)).contains(new LeadFirstContactOverdue("acme", ID, null, due, due));
        assertThat(new LeadAggregate(lead.touchedBy(callBy("rep-1"), LATER).after()).firstContactOverdue(due))
                .isEmpty();
        assertThat(in(LeadStatus.DISQUALIFIED).firstContactOverdue(due)).isEmpty();
        assertThat(new LeadAggregate(lead.record().withFirstContact(null, null)).firstContactOverdue(due)).isEmpty();
    }

    @Test
    void a_rescored_change_announces_a_moved_score_after_its_own_events_and_a_closed_lead_keeps_its_score() {
        LeadChange answered = fresh().answer(BANT, LATER);
        Function<LeadRecord, LeadScore> forty = lead -> LeadScore.of(List.of(new ScoreFactor("fit.bant", 40)));

        LeadChange rescored = answered.rescored(forty, LATER);
        LeadChange unmoved = answered.rescored(TWENTY, LATER);
        LeadChange closed = in(LeadStatus.CONTACTED).disqualify("no budget", LATER);

        assertThat(rescored.after().score()).isEqualTo(40);
        assertThat(rescored.events()).containsExactly(new LeadChanged("acme", ID, 4, LATER),
                new LeadScored("acme", ID, 20, 40, LATER));
        assertThat(unmoved).isSameAs(answered);
        assertThat(closed.rescored(forty, LATER)).isSameAs(closed);
    }

    @Test
    void a_change_followed_by_another_keeps_the_first_before_and_both_events_in_order() {
        LeadChange captured = captured();

        LeadChange assigned = captured.then(lead -> lead.assign(REP, Assignment.AUTOMATIC, NOW));

        assertThat(assigned.before()).isNull();
        assertThat(assigned.after().ownerId()).isEqualTo(REP);
        assertThat(assigned.events()).hasSize(2).element(1).isInstanceOf(LeadAssigned.class);
    }

    @Test
    void the_lifecycle_lists_its_moves_for_callers_and_checks_one() {
        assertThat(LeadLifecycle.allows(LeadStatus.NEW, LeadStatus.CONTACTED)).isTrue();
        assertThat(LeadLifecycle.allows(LeadStatus.NEW, LeadStatus.QUALIFIED)).isFalse();
        LeadLifecycle.check(LeadStatus.QUALIFIED, LeadStatus.CONVERTED);
        assertThatThrownBy(() -> LeadLifecycle.check(LeadStatus.DISQUALIFIED, LeadStatus.CONTACTED))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("DISQUALIFIED");
                    assertThat(e.to()).isEqualTo("CONTACTED");
                });
        assertThat(LeadLifecycle.next(LeadStatus.DISQUALIFIED)).containsExactly(LeadStatus.NURTURING);
    }

    private static void assertRefused(Runnable behaviour, LeadStatus from, String to) {
        assertThatThrownBy(behaviour::run).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.from()).isEqualTo(from.name());
            assertThat(e.to()).isEqualTo(to);
        });
    }
}
