package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.spi.lead.LeadRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A lead's lifecycle under generated command sequences, legal and illegal ones alike, against a simple model of the
 * legal states (the diagram in sales.md): every command the model accepts moves the stored lead where the model
 * goes, and the move is one the lifecycle lists; every command the model refuses throws the documented
 * {@link CrmException} and leaves the stored lead and the outbox as they were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadLifecyclePropertyTest {
    private static final Set<LeadStatus> OPEN = EnumSet.of(LeadStatus.NEW, LeadStatus.CONTACTED,
            LeadStatus.QUALIFIED, LeadStatus.NURTURING);

    /** What a rep can do to a lead. */
    private enum Command {
        CALL_OUT, INBOUND_MAIL, ANSWER_ALL, ANSWER_WITHOUT_NEED, CORRECT, QUALIFY, NURTURE, DISQUALIFY, RECYCLE,
        CONVERT
    }

    /** The legal states and what each command does in them: the model. */
    private static final class Model {
        LeadStatus status = LeadStatus.NEW;
        boolean contacted;
        boolean qualifyingAnswers;
        /** The first-contact alert: due from capture until the first contact or until the lead closes, then gone. */
        boolean alertDue = true;

        /** The exception the command must throw in the model's state, or null when it is accepted. */
        Class<? extends CrmException> refusal(Command command) {
            boolean open = OPEN.contains(status);
            return switch (command) {
                case CALL_OUT, INBOUND_MAIL, ANSWER_ALL, ANSWER_WITHOUT_NEED, CORRECT, DISQUALIFY ->
                        open ? null : IllegalTransitionException.class;
                case QUALIFY -> status != LeadStatus.CONTACTED && status != LeadStatus.NURTURING
                        ? IllegalTransitionException.class
                        : qualifyingAnswers ? null : ValidationException.class;
                case NURTURE -> open && status != LeadStatus.NURTURING ? null : IllegalTransitionException.class;
                case RECYCLE -> status == LeadStatus.DISQUALIFIED ? null : IllegalTransitionException.class;
                case CONVERT -> status == LeadStatus.QUALIFIED ? null : IllegalTransitionException.class;
            };
        }

        /** Applies an accepted command. */
        void accept(Command command) {
            switch (command) {
                case CALL_OUT -> {
                    if (!contacted && status == LeadStatus.NEW) {
                        status = LeadStatus.CONTACTED;
                    }
                    contacted = true;
                }
                case ANSWER_ALL -> qualifyingAnswers = true;
                case ANSWER_WITHOUT_NEED -> qualifyingAnswers = false;
                case QUALIFY -> status = LeadStatus.QUALIFIED;
                case NURTURE, RECYCLE -> status = LeadStatus.NURTURING;
                case DISQUALIFY -> status = LeadStatus.DISQUALIFIED;
                case CONVERT -> status = LeadStatus.CONVERTED;
                case INBOUND_MAIL, CORRECT -> { }
            }
            alertDue = alertDue && !contacted && OPEN.contains(status);
        }
    }

    private static Gen<List<Command>> sequences() {
        return lists().of(integers().between(0, Command.values().length - 1).map(i -> Command.values()[i]))
                .ofSizeBetween(1, 25);
    }

    @Test
    void generated_commands_keep_a_lead_in_its_legal_states_and_a_refused_one_changes_nothing() {
        qt().withExamples(150).forAll(sequences()).checkAssert(commands -> {
            LeadFixtures fixtures = new LeadFixtures();
            LeadService leads = fixtures.leads();
            UUID id = leads.capture(LeadFixtures.webFormLead("Hopper")).lead().id();
            Model model = new Model();
            int step = 0;
            for (Command command : commands) {
                String at = "step " + step++ + " " + command + " in " + model.status + " of " + commands;
                fixtures.advance(Duration.ofMinutes(5));
                LeadRecord before = fixtures.storage.leads().get(LeadFixtures.TENANT, id).orElseThrow();
                long outboxBefore = fixtures.storage.outbox().countUndelivered();
                Class<? extends CrmException> refusal = model.refusal(command);

                Throwable thrown = catchThrowable(() -> run(command, leads, id, fixtures));

                LeadRecord after = fixtures.storage.leads().get(LeadFixtures.TENANT, id).orElseThrow();
                if (refusal != null) {
                    assertThat(thrown).as(at).isInstanceOf(refusal);
                    assertThat(after).as(at + ": the stored lead").isEqualTo(before);
                    assertThat(fixtures.storage.outbox().countUndelivered()).as(at + ": the outbox")
                            .isEqualTo(outboxBefore);
                } else {
                    assertThat(thrown).as(at).isNull();
                    model.accept(command);
                    assertThat(after.status()).as(at).isEqualTo(model.status);
                    if (after.status() != before.status()) {
                        assertThat(LeadLifecycle.next(before.status())).as(at + ": a move the lifecycle lists")
                                .contains(after.status());
                    }
                    assertThat(after.firstContactedAt() != null).as(at + ": first contact").isEqualTo(model.contacted);
                    boolean alertDue = fixtures.storage.dueWork().find(LeadFixtures.TENANT,
                            LeadService.FIRST_CONTACT_DUE, id.toString()).isPresent();
                    assertThat(alertDue).as(at + ": the first-contact alert").isEqualTo(model.alertDue);
                }
            }
        });
    }

    private static void run(Command command, LeadService leads, UUID id, LeadFixtures fixtures) {
        switch (command) {
            case CALL_OUT -> leads.recordTouchPoint(id, LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND,
                    fixtures.clock.instant()).by("rep-1", "reached"));
            case INBOUND_MAIL -> leads.recordTouchPoint(id, LeadTouchPoint.of(Channel.EMAIL, Direction.INBOUND,
                    fixtures.clock.instant()));
            case ANSWER_ALL -> leads.updateQualification(id, new Qualification(new BigDecimal("25000"), "EUR", true,
                    "Replace the spreadsheet CRM", LocalDate.parse("2026-06-30")));
            case ANSWER_WITHOUT_NEED -> leads.updateQualification(id, new Qualification(new BigDecimal("25000"),
                    "EUR", true, null, LocalDate.parse("2026-06-30")));
            case CORRECT -> leads.updateDetails(UpdateLeadDetails.of(id).withJobTitle("CTO " + fixtures.clock.millis()));
            case QUALIFY -> leads.qualify(id);
            case NURTURE -> leads.nurture(id);
            case DISQUALIFY -> leads.disqualify(id, "no budget this year");
            case RECYCLE -> leads.recycle(id);
            case CONVERT -> leads.convert(ConvertLead.of(id, Actor.user("rep-1")));
        }
    }
}
