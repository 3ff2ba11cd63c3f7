package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A customer merge moves the merged customer's tickets to the survivor and reports them in {@code customer.merged}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketCustomerMergeTest {
    private final TicketFixtures f = new TicketFixtures();

    @Test
    void the_merged_customers_tickets_and_those_the_merged_person_raised_move_to_the_survivor() {
        // given
        UUID survivor = f.person();
        UUID merged = f.person();
        UUID organization = f.organization();
        UUID raisedByMerged = f.tickets.open(OpenTicket.of(organization, TicketKind.SERVICE_REQUEST,
                TicketChannel.PHONE, "New contract").withContactPerson(linked(organization, merged))).id();
        UUID ofMerged = f.tickets.open(OpenTicket.of(merged, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late"))
                .id();
        UUID ofSurvivor = f.tickets.open(OpenTicket.of(survivor, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late"))
                .id();

        // when
        f.crm.tenant(TENANT).service(CustomerService.class).merge(survivor, merged, Actor.user("agent-1"));

        // then
        assertThat(f.tickets.tickets(TicketFilter.all().ofCustomer(survivor), PageRequest.first(10)).items())
                .extracting(Ticket::id).containsExactly(ofMerged, ofSurvivor);
        assertThat(f.tickets.ticket(raisedByMerged).contactPersonId()).isEqualTo(survivor);
        assertThat(f.tickets.ticket(raisedByMerged).customerId()).isEqualTo(organization);
        assertThat(f.tickets.ticket(ofSurvivor).version()).as("the survivor's own ticket is untouched").isEqualTo(1);
        PublishedEvent event = f.publishAll().stream().filter(e -> e.type().equals("customer.merged")).findFirst()
                .orElseThrow();
        assertThat(event.payload()).contains("\"tickets\":2");
    }

    private UUID linked(UUID organization, UUID person) {
        f.storage.relationships().insert(new dev.crmkit.spi.customer.RelationshipRecord(TENANT, UUID.randomUUID(), 1,
                f.clock.instant(), f.clock.instant(), person, organization, "buyer"));
        return person;
    }
}
