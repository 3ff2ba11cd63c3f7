package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.customer.CustomerRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Interactions and follow-ups follow the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TouchPointTextTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TouchPointService touchPoints = fixtures.touchPoints();
    private final CustomerRecord anna = fixtures.person("Anna");

    @Test
    void a_follow_up_title_is_stored_stripped() {
        // when
        FollowUp task = touchPoints.schedule(ScheduleFollowUp.of(anna.id(), "  Call back about the invoice\n",
                fixtures.clock.instant().plusSeconds(3600)));

        // then
        assertThat(touchPoints.followUp(task.id()).title()).isEqualTo("Call back about the invoice");
    }

    @Test
    void an_interaction_keeps_the_inside_of_its_summary_and_loses_the_padding() {
        // when
        Interaction call = touchPoints.record(new RecordInteraction(anna.id(), Channel.PHONE, Direction.INBOUND,
                Purpose.SERVICE, " solved ", null, "\tAsked about the invoice.\n\nSent a copy.  ",
                fixtures.clock.instant(), null));

        // then
        Interaction stored = touchPoints.interaction(call.id());
        assertThat(stored.outcome()).isEqualTo("solved");
        assertThat(stored.summary()).isEqualTo("Asked about the invoice.\n\nSent a copy.");
    }

    @Test
    void a_blank_follow_up_title_is_refused_naming_the_field() {
        assertThatThrownBy(() -> ScheduleFollowUp.of(anna.id(), "\u2003 \n", fixtures.clock.instant()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }
}
