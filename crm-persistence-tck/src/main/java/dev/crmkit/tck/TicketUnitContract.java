package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.ServiceLevelFixtures.completed;
import static dev.crmkit.tck.ServiceLevelFixtures.running;
import static dev.crmkit.tck.TicketFixtures.full;
import static dev.crmkit.tck.TicketFixtures.inState;
import static dev.crmkit.tck.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.MilestoneStore;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The promises of the ticket stores' writes inside a unit ({@link TicketStore}, {@link MilestoneStore},
 * {@link TicketRoutingStore}, with the due work a ticket change schedules): a write that fails in a unit whose work
 * catches the failure and goes on leaves the unit usable, or ends it so that nothing of it commits; never part of
 * the write, nor the unit's other writes without it. A stale version is refused before anything is written and always
 * leaves the unit usable.
 */
public abstract class TicketUnitContract extends ContractSupport {
    private TicketStore tickets() {
        return capability(TicketStorage.class).tickets();
    }

    private MilestoneStore milestones() {
        return capability(ServiceLevelStorage.class).milestones();
    }

    private TicketRoutingStore routing() {
        return capability(ServiceLevelStorage.class).routing();
    }

    @Test
    void a_ticket_insert_that_fails_in_a_unit_which_goes_on_never_commits_part_of_the_unit() {
        TicketRecord stored = tickets().insert(full(TENANT));
        TicketRecord before = ticket(TENANT);
        TicketRecord after = ticket(TENANT);
        // the same id with other content, attachments and custom fields: refused as a duplicate
        TicketRecord again = new TicketRecord(TENANT, stored.id(), 1, NOW, NOW, TicketKind.COMPLAINT,
                stored.channel(), UUID.randomUUID(), null, stored.priority(), null, TicketState.NEW,
                full(TENANT).content(), null, null, null, null);

        Throwable outcome = catchThrowable(() -> storage().transactions().run(() -> {
            tickets().insert(before);
            assertThatThrownBy(() -> tickets().insert(again)).isInstanceOf(DuplicateException.class);
            tickets().insert(after);
        }));

        assertThat(tickets().get(TENANT, stored.id())).contains(stored);
        if (outcome == null) {
            assertThat(tickets().get(TENANT, before.id())).contains(before);
            assertThat(tickets().get(TENANT, after.id())).contains(after);
        } else {
            assertThat(outcome).isInstanceOf(CrmException.class);
            assertThat(tickets().get(TENANT, before.id())).isEmpty();
            assertThat(tickets().get(TENANT, after.id())).isEmpty();
        }
    }

    @Test
    void a_stale_or_missing_ticket_update_in_a_unit_leaves_the_unit_usable() {
        TicketRecord stored = tickets().insert(full(TENANT));
        TicketRecord open = tickets().update(inState(stored, TicketState.OPEN, NOW.plusSeconds(1)), stored);

        // both are found before anything is written: the work may read again and update at the version it reads
        TicketRecord resolved = storage().transactions().inTransaction(() -> {
            assertThatThrownBy(() -> tickets().update(inState(stored, TicketState.RESOLVED, NOW.plusSeconds(2)),
                    stored)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> tickets().update(inState(stored, TicketState.RESOLVED, NOW.plusSeconds(2)), 1))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> tickets().update(ticket(TENANT), 1)).isInstanceOf(NotFoundException.class);
            TicketRecord read = tickets().get(TENANT, stored.id()).orElseThrow();
            TicketRecord edited = tickets().update(withSubject(inState(read, TicketState.OPEN, NOW.plusSeconds(2)),
                    "Broken kettle, again"), read.version());
            return tickets().update(inState(edited, TicketState.RESOLVED, NOW.plusSeconds(3)), edited);
        });

        assertThat(open.version()).isEqualTo(2);
        assertThat(resolved.version()).isEqualTo(4);
        assertThat(tickets().get(TENANT, stored.id())).contains(resolved);
        assertThat(resolved.content().subject()).isEqualTo("Broken kettle, again");
        assertThat(resolved.content().attachments()).isEqualTo(stored.content().attachments());
    }

    @Test
    void milestones_that_fail_in_a_unit_which_goes_on_never_commit_without_the_rest_of_the_unit_or_in_part() {
        TicketRecord stored = tickets().insert(ticket(TENANT));
        MilestoneRecord used = milestones().insert(running(TENANT, stored.id(), NOW.plusSeconds(3600)));
        UUID agent = UUID.randomUUID();
        MilestoneRecord fresh = running(TENANT, stored.id(), NOW.plusSeconds(7200));
        MilestoneRecord taken = new MilestoneRecord(TENANT, used.id(), 1, NOW, NOW, stored.id(), used.kind(),
                used.target(), used.elapsed(), NOW, NOW.plusSeconds(60), null, false);
        DueWorkRecord due = DueWorkRecord.of(TENANT, UUID.randomUUID(), "ticket.escalation-due",
                fresh.id() + "/0", fresh.dueAt(), stored.id().toString());
        MilestoneRecord later = running(TENANT, stored.id(), NOW.plusSeconds(9000));

        // a ticket change as a service writes it; the milestones fail on a used id and the work goes on
        Throwable outcome = catchThrowable(() -> storage().transactions().run(() -> {
            TicketRecord assigned = TicketFixtures.of(inState(stored, TicketState.OPEN, NOW.plusSeconds(5)),
                    stored.customerId(), null, agent);
            tickets().update(assigned, stored);
            routing().addActiveTickets(TENANT, agent, 1, UUID.randomUUID(), NOW.plusSeconds(5));
            storage().dueWork().scheduleAll(List.of(due));
            assertThatThrownBy(() -> milestones().insertAll(List.of(fresh, taken)))
                    .isInstanceOf(DuplicateException.class);
            milestones().insert(later);
        }));

        assertThat(milestones().ofTicket(TENANT, stored.id())).doesNotContain(fresh).contains(used);
        if (outcome == null) {
            assertThat(tickets().get(TENANT, stored.id()).orElseThrow().assigneeId()).isEqualTo(agent);
            assertThat(routing().slot(TENANT, agent).orElseThrow().activeTickets()).isEqualTo(1);
            assertThat(storage().dueWork().find(TENANT, due.kind(), due.key())).isPresent();
            assertThat(milestones().ofTicket(TENANT, stored.id())).contains(later);
        } else {
            assertThat(outcome).isInstanceOf(CrmException.class);
            assertThat(tickets().get(TENANT, stored.id())).contains(stored);
            assertThat(routing().slot(TENANT, agent)).isEmpty();
            assertThat(storage().dueWork().find(TENANT, due.kind(), due.key())).isEmpty();
            assertThat(milestones().ofTicket(TENANT, stored.id())).containsExactly(used);
        }
    }

    @Test
    void a_stale_or_missing_milestone_update_in_a_unit_leaves_the_unit_usable() {
        MilestoneRecord stored = milestones().insert(running(TENANT, UUID.randomUUID(), NOW.plusSeconds(3600)));
        MilestoneRecord done = completed(stored, NOW.plusSeconds(60), false);

        MilestoneRecord updated = storage().transactions().inTransaction(() -> {
            assertThatThrownBy(() -> milestones().update(done, 2)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> milestones().update(running(TENANT, UUID.randomUUID(), NOW), 1))
                    .isInstanceOf(NotFoundException.class);
            return milestones().update(done, 1);
        });

        assertThat(updated.version()).isEqualTo(2);
        assertThat(milestones().ofTicket(TENANT, stored.ticketId())).containsExactly(updated);
    }

    @Test
    void a_stale_slot_save_and_a_first_slot_save_over_a_stored_one_leave_the_unit_usable() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        routing().saveSlot(slot(ann, 1), 0);

        // over a stored slot at another version, and as a first slot where there is one: conflicts, nothing written
        storage().transactions().run(() -> {
            assertThatThrownBy(() -> routing().saveSlot(slot(ann, 5), 2)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> routing().saveSlot(slot(ann, 5), 0)).isInstanceOf(ConflictException.class);
            routing().saveSlot(slot(ann, 2), 1);
            routing().addActiveTickets(TENANT, bob, 1, UUID.randomUUID(), NOW);
        });

        assertThat(routing().slot(TENANT, ann).orElseThrow().version()).isEqualTo(2);
        assertThat(routing().slot(TENANT, ann).orElseThrow().activeTickets()).isEqualTo(2);
        assertThat(routing().slot(TENANT, bob).orElseThrow().activeTickets()).isEqualTo(1);
    }

    private static AgentSlotRecord slot(UUID memberId, int activeTickets) {
        return new AgentSlotRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, memberId, NOW, activeTickets);
    }

    private static TicketRecord withSubject(TicketRecord t, String subject) {
        return new TicketRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), t.updatedAt(), t.kind(),
                t.channel(), t.customerId(), t.contactPersonId(), t.priority(), t.assigneeId(), t.state(),
                new TicketContent(subject, t.content().description(), t.content().attachments(),
                        t.content().customFields()), t.productReturn(), t.resolvedAt(), t.closedAt(), t.mergedInto());
    }
}
