package dev.crmkit.core.lead;

import static dev.crmkit.core.lead.LeadFixtures.webFormLead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A lead's text follows the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadTextTest {
    private final LeadFixtures fixtures = new LeadFixtures();
    private final LeadService leads = fixtures.leads();

    @Test
    void a_lead_captured_with_padded_names_reads_back_stripped() {
        // when
        Lead lead = leads.capture(webFormLead("Hopper").withPerson("  Grace ", " Hopper\t")).lead();

        // then
        assertThat(leads.get(lead.id()).details().givenName()).isEqualTo("Grace");
        assertThat(leads.get(lead.id()).details().familyName()).isEqualTo("Hopper");
    }

    @Test
    void a_touch_point_outcome_and_summary_are_stored_stripped_and_a_blank_summary_is_none() {
        // given
        Lead lead = leads.capture(webFormLead("Hopper")).lead();

        // when
        leads.recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND,
                fixtures.clock.instant()).by("rep-1", " reached "));
        leads.recordTouchPoint(lead.id(), new LeadTouchPoint(Channel.EMAIL, Direction.OUTBOUND, null, "rep-1",
                "\n  Sent the price list.\n  Call back Monday.\n", fixtures.clock.instant()));
        leads.recordTouchPoint(lead.id(), new LeadTouchPoint(Channel.EMAIL, Direction.INBOUND, "  ", null, " \t ",
                fixtures.clock.instant()));

        // then
        var touchPoints = fixtures.storage.interactions().timeline(LeadFixtures.TENANT, lead.id(),
                TimelineFilter.everything(), PageRequest.first(10)).items();
        assertThat(touchPoints).extracting(InteractionRecord::outcome).containsExactlyInAnyOrder("reached", null, null);
        assertThat(touchPoints).extracting(InteractionRecord::summary)
                .containsExactlyInAnyOrder(null, "Sent the price list.\n  Call back Monday.", null);
    }
}
