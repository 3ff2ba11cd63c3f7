package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.CrmException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A ticket's lifecycle under generated command sequences, legal and illegal ones alike, against a simple model of the
 * legal states (the diagram in service.md), with a reopen window of {@value TicketFixtures#REOPEN_DAYS} days: every
 * command the model accepts leaves the stored ticket in the state the model says, reached by a move the aggregate's
 * table lists, with its times consistent with the state; every command the model refuses throws the documented
 * {@link CrmException} and leaves the stored ticket and the outbox as they were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketLifecyclePropertyTest {
    /** What agents and customers can do to a ticket, and time passing. */
    private enum Command {
        START, WAIT_ON_CUSTOMER, WAIT_ON_THIRD_PARTY, RESUME, RESOLVE, CLOSE, REOPEN, MERGE_INTO_OPEN,
        MERGE_INTO_CLOSED, ASSIGN, WAIT_FOUR_DAYS
    }

    /** The legal states and what each command does in them: the model, written apart from the aggregate's table. */
    private static final class Model {
        TicketState state = TicketState.NEW;
        Instant resolvedAt;
        boolean merged;

        /** The exception the command must throw now, or null when it is accepted. */
        Class<? extends CrmException> refusal(Command command, Instant now) {
            boolean allowed = switch (command) {
                case START -> state == TicketState.NEW;
                case WAIT_ON_CUSTOMER -> is(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_ON_THIRD_PARTY);
                case WAIT_ON_THIRD_PARTY -> is(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_ON_CUSTOMER);
                case RESUME -> is(TicketState.WAITING_ON_CUSTOMER, TicketState.WAITING_ON_THIRD_PARTY);
                case RESOLVE -> is(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_ON_CUSTOMER,
                        TicketState.WAITING_ON_THIRD_PARTY);
                case CLOSE -> state == TicketState.RESOLVED;
                case REOPEN -> is(TicketState.RESOLVED, TicketState.CLOSED) && !merged
                        && !now.isAfter(resolvedAt.plus(Duration.ofDays(TicketFixtures.REOPEN_DAYS)));
                case MERGE_INTO_OPEN, ASSIGN -> state != TicketState.CLOSED;
                case MERGE_INTO_CLOSED -> false;
                case WAIT_FOUR_DAYS -> true;
            };
            if (allowed) {
                return null;
            }
            return command == Command.MERGE_INTO_CLOSED && state != TicketState.CLOSED ? ValidationException.class
                    : IllegalTransitionException.class;
        }

        void accept(Command command, Instant now) {
            switch (command) {
                case START, RESUME, REOPEN -> {
                    state = TicketState.OPEN;
                    resolvedAt = null;
                }
                case WAIT_ON_CUSTOMER -> state = TicketState.WAITING_ON_CUSTOMER;
                case WAIT_ON_THIRD_PARTY -> state = TicketState.WAITING_ON_THIRD_PARTY;
                case RESOLVE -> {
                    state = TicketState.RESOLVED;
                    resolvedAt = now;
                }
                case CLOSE -> state = TicketState.CLOSED;
                case MERGE_INTO_OPEN -> {
                    state = TicketState.CLOSED;
                    merged = true;
                }
                default -> { }
            }
        }

        private boolean is(TicketState... states) {
            return Arrays.asList(states).contains(state);
        }
    }

    private static Gen<List<Command>> sequences() {
        return lists().of(integers().between(0, Command.values().length - 1).map(i -> Command.values()[i]))
                .ofSizeBetween(1, 30);
    }

    @Test
    void generated_commands_keep_a_ticket_in_its_legal_states_and_a_refused_one_changes_nothing() {
        qt().withExamples(150).forAll(sequences()).checkAssert(commands -> {
            TicketFixtures f = new TicketFixtures();
            UUID customer = f.person();
            UUID[] agents = {f.agent(), f.agent()};
            UUID id = open(f, customer);
            UUID openTarget = open(f, customer);
            UUID closedTarget = open(f, customer);
            f.tickets.resolve(closedTarget);
            f.tickets.close(closedTarget);
            Model model = new Model();
            int step = 0;
            for (Command command : commands) {
                f.clock.advance(Duration.ofHours(1));
                Instant now = f.clock.instant();
                String at = "step " + step++ + " " + command + " in " + model.state + " of " + commands;
                TicketRecord before = f.stored(id);
                long outboxBefore = f.outbox();
                Class<? extends CrmException> refusal = model.refusal(command, now);

                Throwable thrown = catchThrowable(() -> {
                    switch (command) {
                        case START -> f.tickets.start(id);
                        case WAIT_ON_CUSTOMER -> f.tickets.waitOnCustomer(id);
                        case WAIT_ON_THIRD_PARTY -> f.tickets.waitOnThirdParty(id);
                        case RESUME -> f.tickets.resume(id);
                        case RESOLVE -> f.tickets.resolve(id);
                        case CLOSE -> f.tickets.close(id);
                        case REOPEN -> f.tickets.reopen(id);
                        case MERGE_INTO_OPEN -> f.tickets.merge(id, openTarget);
                        case MERGE_INTO_CLOSED -> f.tickets.merge(id, closedTarget);
                        case ASSIGN -> f.tickets.assign(id, agents[0].equals(before.assigneeId()) ? agents[1]
                                : agents[0]);
                        case WAIT_FOUR_DAYS -> f.clock.advance(Duration.ofDays(4));
                    }
                });

                TicketRecord after = f.stored(id);
                if (refusal != null) {
                    assertThat(thrown).as(at).isInstanceOf(refusal);
                    assertThat(after).as(at + ": the stored ticket").isEqualTo(before);
                    assertThat(f.outbox()).as(at + ": the outbox").isEqualTo(outboxBefore);
                } else {
                    assertThat(thrown).as(at).isNull();
                    model.accept(command, now);
                    assertThat(after.state()).as(at).isEqualTo(model.state);
                    assertThat(after.resolvedAt()).as(at + ": resolved at").isEqualTo(model.resolvedAt);
                    assertThat(after.mergedInto() != null).as(at + ": merged").isEqualTo(model.merged);
                    if (after.state() != before.state()) {
                        assertThat(listedMove(before.state(), after.state())).as(at + ": a move of the table")
                                .isTrue();
                        assertThat(f.outbox()).as(at + ": one event").isEqualTo(outboxBefore + 1);
                    }
                }
                assertThat(f.stored(openTarget).state()).as(at + ": the other ticket").isEqualTo(TicketState.NEW);
            }
        });
    }

    private static boolean listedMove(TicketState from, TicketState to) {
        return Arrays.stream(TicketAggregate.Move.values()).anyMatch(m -> m.from().contains(from) && m.to() == to);
    }

    private static UUID open(TicketFixtures f, UUID customer) {
        return f.tickets.open(OpenTicket.of(customer, TicketKind.SERVICE_REQUEST, TicketChannel.CHAT, "Help")).id();
    }
}
