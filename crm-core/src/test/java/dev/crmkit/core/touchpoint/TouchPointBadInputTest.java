package dev.crmkit.core.touchpoint;

import static org.quicktheories.QuickTheory.qt;

import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.customer.CustomerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class TouchPointBadInputTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TouchPointService touchPoints = fixtures.touchPoints();
    private final CustomerRecord anna = fixtures.person("Anna");
    private final CustomerRecord merged = fixtures.mergedInto(anna);
    private final Interaction call = touchPoints.record(fixtures.serviceCall(anna.id()).withIdempotencyKey("k-1"));
    private final FollowUp open = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
    private final FollowUp done = touchPoints.complete(touchPoints.schedule(fixtures.callBackTomorrow(anna.id())).id());
    private final List<UUID> known = List.of(anna.id(), merged.id(), call.id(), open.id(), done.id());

    /** Everything a touch point call could change, read back through storage. */
    private List<Object> state() {
        List<Object> state = new ArrayList<>();
        state.add(fixtures.storage.outbox().countUndelivered());
        state.add(fixtures.interactions().timeline(TouchPointFixtures.TENANT, anna.id(),
                TimelineFilter.everything(), PageRequest.first(1000)).items());
        for (UUID id : known) {
            state.add(fixtures.tasks().get(TouchPointFixtures.TENANT, id));
            state.add(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, TouchPointService.FOLLOW_UP_DUE,
                    id.toString()));
        }
        return state;
    }

    private void property(BiConsumer<Garbage, TouchPointService> call) {
        qt().withExamples(300).forAll(Garbage.PICKS).checkAssert(picks -> {
            Garbage g = Garbage.of(picks, known);
            Garbage.assertSafe(this::state, () -> call.accept(g, touchPoints));
        });
    }

    @Test
    void recording_garbage_throws_only_crm_exceptions_and_changes_nothing() {
        property((g, s) -> s.record(new RecordInteraction(g.id(0), g.value(1, Channel.class), g.direction(2),
                g.value(3, Purpose.class), g.text(4), g.text(5), g.text(6), g.instant(7), g.text(8))));
        property((g, s) -> s.record(null));
    }

    @Test
    void reading_with_garbage_throws_only_crm_exceptions() {
        property((g, s) -> s.interaction(g.id(0)));
        property((g, s) -> s.timeline(g.id(0), g.filter(1), g.page(3)));
        property((g, s) -> s.outboundMarketingContacts(g.id(0), g.number(1)));
        property((g, s) -> s.followUp(g.id(0)));
        property((g, s) -> s.openFollowUps(g.id(0), g.page(1)));
        property((g, s) -> s.openFollowUpsOf(g.text(0), g.page(1)));
    }

    @Test
    void follow_up_changes_with_garbage_throw_only_crm_exceptions_and_change_nothing() {
        property((g, s) -> s.schedule(new ScheduleFollowUp(g.id(0), g.text(1), g.instant(2), g.text(3), g.id(4))));
        property((g, s) -> s.schedule(null));
        property((g, s) -> s.schedule(fixtures.callBackTomorrow(anna.id()), g.text(0)));
        property((g, s) -> s.schedule(new ScheduleFollowUp(g.id(0), g.text(1), g.instant(2), g.text(3), g.id(4)),
                "call-back-form-1"));
        property((g, s) -> s.reassign(g.id(0), g.text(1)));
        property((g, s) -> s.reschedule(g.id(0), g.instant(1)));
        property((g, s) -> s.complete(g.id(0)));
        property((g, s) -> s.cancel(g.id(0)));
    }

    @Test
    void asking_for_the_service_of_a_garbage_tenant_throws_only_crm_exceptions() {
        property((g, s) -> fixtures.tenant(g.text(0)).service(TouchPointService.class));
    }
}
