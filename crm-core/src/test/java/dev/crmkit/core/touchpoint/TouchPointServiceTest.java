package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TouchPointServiceTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TouchPointService touchPoints = fixtures.touchPoints();

    @Test
    void recorded_interaction_is_stored_and_published() {
        // given
        CustomerRecord anna = fixtures.person("Anna");

        // when
        Interaction call = touchPoints.record(fixtures.serviceCall(anna.id()));

        // then
        assertThat(touchPoints.interaction(call.id())).isEqualTo(call);
        assertThat(call.customerId()).isEqualTo(anna.id());
        assertThat(call.recordedAt()).isEqualTo(TouchPointFixtures.START);
        List<PublishedEvent> events = fixtures.publishAll();
        assertThat(events).extracting(PublishedEvent::type).containsExactly("interaction.recorded");
        assertThat(events.get(0).aggregateType()).isEqualTo("interaction");
        assertThat(events.get(0).aggregateId()).isEqualTo(call.id().toString());
        assertThat(events.get(0).payload()).doesNotContain("invoice");
    }

    @Test
    void interaction_for_an_unknown_customer_is_not_found_and_stores_nothing() {
        assertThatThrownBy(() -> touchPoints.record(fixtures.serviceCall(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.publishedTypes()).isEmpty();
    }

    @Test
    void interaction_for_a_merged_customer_lands_on_the_survivor() {
        // given
        CustomerRecord survivor = fixtures.person("Anna Schmidt");
        CustomerRecord duplicate = fixtures.mergedInto(survivor);

        // when
        Interaction call = touchPoints.record(fixtures.serviceCall(duplicate.id()));

        // then
        assertThat(call.customerId()).isEqualTo(survivor.id());
        assertThat(touchPoints.timeline(duplicate.id(), TimelineFilter.everything(), PageRequest.first(10)).items())
                .containsExactly(call);
    }

    @Test
    void retry_with_the_same_idempotency_key_and_content_returns_the_first_recording() {
        // given
        CustomerRecord anna = fixtures.person("Anna");
        RecordInteraction call = fixtures.serviceCall(anna.id()).withIdempotencyKey("call-4711");
        Interaction first = touchPoints.record(call);

        // when
        fixtures.clock.advance(Duration.ofMinutes(5));
        Interaction retried = touchPoints.record(call);

        // then
        assertThat(retried).isEqualTo(first);
        assertThat(touchPoints.timeline(anna.id(), TimelineFilter.everything(), PageRequest.first(10)).items())
                .hasSize(1);
        assertThat(fixtures.publishedTypes()).containsExactly("interaction.recorded");
    }

    @Test
    void same_idempotency_key_with_different_content_is_a_conflict() {
        // given
        CustomerRecord anna = fixtures.person("Anna");
        touchPoints.record(fixtures.serviceCall(anna.id()).withIdempotencyKey("call-4711"));
        RecordInteraction different = new RecordInteraction(anna.id(), Channel.CHAT, Direction.INBOUND,
                Purpose.SERVICE, null, null, null, TouchPointFixtures.START, "call-4711");

        // when / then
        assertThatThrownBy(() -> touchPoints.record(different)).isInstanceOf(ConflictException.class)
                .hasMessageNotContaining("call-4711");
        assertThat(touchPoints.timeline(anna.id(), TimelineFilter.everything(), PageRequest.first(10)).items())
                .hasSize(1);
    }

    @Test
    void timeline_pages_newest_first_without_skipping_or_repeating() {
        // given 25 interactions, several at the same instant
        CustomerRecord anna = fixtures.person("Anna");
        for (int i = 0; i < 25; i++) {
            touchPoints.record(RecordInteraction.of(anna.id(), Channel.WEB, Direction.INBOUND, Purpose.GENERAL,
                    TouchPointFixtures.START.minusSeconds(60L * (i / 3))));
        }

        // when
        List<Interaction> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(4);
        Page<Interaction> page;
        do {
            page = touchPoints.timeline(anna.id(), TimelineFilter.everything(), request);
            seen.addAll(page.items());
            request = page.next().map(request::next).orElse(null);
        } while (request != null);

        // then
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen).extracting(Interaction::occurredAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void timeline_pages_of_any_size_neither_skip_nor_repeat() {
        qt().withExamples(60)
                .forAll(lists().of(integers().between(0, 20)).ofSizeBetween(0, 40), integers().between(1, 12))
                .checkAssert((minutesAgo, pageSize) -> {
                    // given interactions at generated times, many of them equal
                    CustomerRecord customer = fixtures.person("Paged");
                    List<Interaction> recorded = new ArrayList<>();
                    for (int minutes : minutesAgo) {
                        recorded.add(touchPoints.record(RecordInteraction.of(customer.id(), Channel.WEB,
                                Direction.INBOUND, Purpose.GENERAL,
                                TouchPointFixtures.START.minusSeconds(60L * minutes))));
                    }

                    // when read page by page
                    List<Interaction> seen = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (request != null) {
                        Page<Interaction> page = touchPoints.timeline(customer.id(), TimelineFilter.everything(),
                                request);
                        assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
                        seen.addAll(page.items());
                        request = page.next().map(request::next).orElse(null);
                    }

                    // then every interaction appears once, newest first
                    assertThat(seen).containsExactlyInAnyOrderElementsOf(recorded).doesNotHaveDuplicates();
                    assertThat(seen).extracting(Interaction::occurredAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
                });
    }

    @Test
    void timeline_filters_by_channel_purpose_and_time_range() {
        // given
        CustomerRecord anna = fixtures.person("Anna");
        Instant t0 = TouchPointFixtures.START;
        Interaction oldCall = touchPoints.record(RecordInteraction.of(anna.id(), Channel.PHONE, Direction.INBOUND,
                Purpose.SERVICE, t0.minus(Duration.ofDays(40))));
        Interaction recentCall = touchPoints.record(RecordInteraction.of(anna.id(), Channel.PHONE, Direction.INBOUND,
                Purpose.SERVICE, t0.minus(Duration.ofDays(2))));
        Interaction mail = touchPoints.record(fixtures.newsletter(anna.id(), t0.minus(Duration.ofDays(1))));

        // when
        TimelineFilter phoneServiceLastMonth = new TimelineFilter(Set.of(Channel.PHONE), Set.of(Purpose.SERVICE),
                t0.minus(Duration.ofDays(30)), t0);
        TimelineFilter marketing = new TimelineFilter(Set.of(), Set.of(Purpose.MARKETING), null, null);

        // then
        assertThat(touchPoints.timeline(anna.id(), phoneServiceLastMonth, PageRequest.first(10)).items())
                .containsExactly(recentCall);
        assertThat(touchPoints.timeline(anna.id(), marketing, PageRequest.first(10)).items()).containsExactly(mail);
        assertThat(touchPoints.timeline(anna.id(), TimelineFilter.everything(), PageRequest.first(10)).items())
                .containsExactly(mail, recentCall, oldCall);
    }

    @Test
    void outbound_marketing_contacts_count_only_the_last_n_days() {
        // given
        CustomerRecord anna = fixtures.person("Anna");
        Instant now = TouchPointFixtures.START;
        touchPoints.record(fixtures.newsletter(anna.id(), now.minus(Duration.ofDays(1))));
        touchPoints.record(fixtures.newsletter(anna.id(), now.minus(Duration.ofDays(6))));
        touchPoints.record(fixtures.newsletter(anna.id(), now.minus(Duration.ofDays(8))));
        touchPoints.record(RecordInteraction.of(anna.id(), Channel.EMAIL, Direction.INBOUND, Purpose.MARKETING,
                now.minus(Duration.ofDays(1))));
        touchPoints.record(RecordInteraction.of(anna.id(), Channel.PHONE, Direction.OUTBOUND, Purpose.SALES,
                now.minus(Duration.ofDays(1))));

        // when / then
        assertThat(touchPoints.outboundMarketingContacts(anna.id(), 7)).isEqualTo(2);
        assertThat(touchPoints.outboundMarketingContacts(anna.id(), 30)).isEqualTo(3);
        assertThat(touchPoints.outboundMarketingContacts(fixtures.mergedInto(anna).id(), 30)).isEqualTo(3);
    }
}
