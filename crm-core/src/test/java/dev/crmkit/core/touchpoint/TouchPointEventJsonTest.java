package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TouchPointEventJsonTest {
    private static final String TENANT = "acme";
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final UUID TASK = UUID.fromString("018f0000-0000-7000-8000-000000000001");
    private static final UUID CUSTOMER = UUID.fromString("018f0000-0000-7000-8000-000000000002");

    private final JsonMapper json = JsonMapper.builder().build();

    private static List<TouchPointEvent> oneOfEach() {
        return List.of(
                new InteractionRecorded(TENANT, UUID.randomUUID(), CUSTOMER, Channel.PHONE, Direction.INBOUND,
                        Purpose.SERVICE, "reached", AT.minusSeconds(60), AT),
                new FollowUpScheduled(TENANT, TASK, CUSTOMER, null, "agent-7", AT.plusSeconds(3600), AT),
                new FollowUpReassigned(TENANT, TASK, CUSTOMER, "agent-7", null, AT),
                new FollowUpRescheduled(TENANT, TASK, CUSTOMER, AT, AT.plusSeconds(7200), AT),
                new FollowUpCompleted(TENANT, TASK, CUSTOMER, "agent-7", AT),
                new FollowUpCancelled(TENANT, TASK, CUSTOMER, null, AT),
                new FollowUpDue(TENANT, TASK, CUSTOMER, "agent-7", AT, AT.plusSeconds(1)));
    }

    @Test
    void every_touch_point_event_survives_a_json_round_trip() {
        for (TouchPointEvent event : oneOfEach()) {
            String payload = json.writeValueAsString(event);
            assertThat(json.readValue(payload, event.getClass())).isEqualTo(event);
            assertThat(payload).doesNotContain("aggregateType");
        }
    }

    @Test
    void recorded_events_carry_type_aggregate_and_a_readable_payload_through_the_outbox() {
        // given
        TouchPointFixtures fixtures = new TouchPointFixtures();
        List<TouchPointEvent> events = oneOfEach();

        // when
        fixtures.storage.transactions().run(() -> fixtures.context.events().record(events));
        List<PublishedEvent> published = fixtures.publishAll();

        // then
        assertThat(published).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            TouchPointEvent event = events.get(i);
            PublishedEvent row = published.get(i);
            assertThat(row.type()).isEqualTo(fixtures.crm.events().find(event.getClass()).orElseThrow().type());
            assertThat(row.aggregateType()).isEqualTo(event.aggregateType());
            assertThat(row.aggregateId()).isEqualTo(event.aggregateId());
            assertThat(row.occurredAt()).isEqualTo(event.occurredAt());
            assertThat(json.readValue(row.payload(), event.getClass())).isEqualTo(event);
        }
    }
}
