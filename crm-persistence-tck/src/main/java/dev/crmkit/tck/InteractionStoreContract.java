package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static dev.crmkit.tck.TouchPointFixtures.interaction;
import static dev.crmkit.tck.TouchPointFixtures.visit;
import static dev.crmkit.tck.TouchPointFixtures.withId;
import static dev.crmkit.tck.TouchPointFixtures.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.ChannelActivity;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.InteractionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link InteractionStore} and {@link InteractionRecord}. */
public abstract class InteractionStoreContract extends ContractSupport {
    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();


    private List<InteractionRecord> timeline(String tenantId, UUID customerId, TimelineFilter filter) {
        return interactions().timeline(tenantId, customerId, filter, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void interaction_with_every_field_reads_back_equal() {
        InteractionRecord call = new InteractionRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana, Channel.PHONE,
                Direction.OUTBOUND, Purpose.SALES, "order-placed", "agent.łukasz@acme",
                "Kundin möchte 3× «Fjällräven» – 東京 delivery. " + "x".repeat(3900), minutesAgo(5), "crm-call-4711");

        InteractionRecord returned = interactions().insert(call);

        assertThat(returned).isEqualTo(call);
        assertThat(interactions().get(TENANT, call.id())).contains(call);
        assertThat(interactions().findByIdempotencyKey(TENANT, "crm-call-4711")).contains(call);
    }

    @Test
    void interaction_with_only_required_fields_reads_back_equal_and_unknown_ids_are_empty() {
        InteractionRecord bare = interactions().insert(visit(TENANT, jana, minutesAgo(1)));

        assertThat(interactions().get(TENANT, bare.id())).contains(bare);
        assertThat(interactions().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(interactions().get(OTHER_TENANT, bare.id())).isEmpty();
        assertThat(interactions().findByIdempotencyKey(TENANT, "never-used")).isEmpty();
    }

    @Test
    void every_channel_direction_and_purpose_reads_back() {
        for (Channel channel : Channel.values()) {
            for (Direction direction : Direction.values()) {
                for (Purpose purpose : Purpose.values()) {
                    InteractionRecord stored = interactions().insert(
                            interaction(TENANT, jana, channel, direction, purpose, minutesAgo(1)));
                    assertThat(interactions().get(TENANT, stored.id())).contains(stored);
                }
            }
        }
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        InteractionRecord first = interactions().insert(visit(TENANT, jana, minutesAgo(3)));
        InteractionRecord second = withId(interaction(TENANT, piotr, Channel.SMS, Direction.OUTBOUND,
                Purpose.MARKETING, minutesAgo(1)), first.id());

        assertThatThrownBy(() -> interactions().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(interactions().get(TENANT, first.id())).contains(first);
        assertThat(timeline(TENANT, piotr, TimelineFilter.everything())).isEmpty();
    }

    @Test
    void a_reused_idempotency_key_throws_duplicate_on_the_key_and_keeps_the_first() {
        InteractionRecord first = interactions().insert(withKey(visit(TENANT, jana, minutesAgo(3)), "form-77"));
        InteractionRecord retry = withKey(visit(TENANT, jana, minutesAgo(2)), "form-77");

        assertThatThrownBy(() -> interactions().insert(retry))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThat(interactions().get(TENANT, retry.id())).isEmpty();
        assertThat(interactions().findByIdempotencyKey(TENANT, "form-77")).contains(first);
    }

    @Test
    void idempotency_keys_compare_exactly_and_belong_to_their_tenant() {
        InteractionRecord lower = interactions().insert(withKey(visit(TENANT, jana, minutesAgo(3)), "form-a"));
        InteractionRecord upper = interactions().insert(withKey(visit(TENANT, jana, minutesAgo(2)), "FORM-A"));
        InteractionRecord elsewhere = interactions().insert(withKey(visit(OTHER_TENANT, jana, minutesAgo(1)), "form-a"));

        assertThat(interactions().findByIdempotencyKey(TENANT, "form-a")).contains(lower);
        assertThat(interactions().findByIdempotencyKey(TENANT, "FORM-A")).contains(upper);
        assertThat(interactions().findByIdempotencyKey(OTHER_TENANT, "form-a")).contains(elsewhere);
    }

    @Test
    void insert_all_stores_every_interaction() {
        List<InteractionRecord> batch = List.of(visit(TENANT, jana, minutesAgo(3)), visit(TENANT, jana, minutesAgo(2)),
                withKey(visit(TENANT, piotr, minutesAgo(1)), "batch-1"));

        interactions().insertAll(batch);

        for (InteractionRecord i : batch) {
            assertThat(interactions().get(TENANT, i.id())).contains(i);
        }
        assertThat(interactions().findByIdempotencyKey(TENANT, "batch-1")).contains(batch.get(2));
    }

    @Test
    void insert_all_with_a_duplicate_inside_stores_nothing() {
        InteractionRecord existing = interactions().insert(withKey(visit(TENANT, jana, minutesAgo(9)), "seen"));
        InteractionRecord fresh = visit(TENANT, piotr, minutesAgo(3));
        InteractionRecord clash = withKey(visit(TENANT, piotr, minutesAgo(2)), "seen");

        assertThatThrownBy(() -> interactions().insertAll(List.of(fresh, clash)))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThat(interactions().get(TENANT, fresh.id())).isEmpty();
        assertThat(timeline(TENANT, piotr, TimelineFilter.everything())).isEmpty();
        assertThat(timeline(TENANT, jana, TimelineFilter.everything())).containsExactly(existing);
    }

    @Test
    void insert_all_of_nothing_stores_nothing() {
        interactions().insertAll(List.of());

        assertThat(timeline(TENANT, jana, TimelineFilter.everything())).isEmpty();
    }

    @Test
    void timeline_is_newest_first_and_breaks_ties_on_time_by_id_descending_unsigned() {
        Instant same = minutesAgo(10);
        InteractionRecord low = interactions().insert(withId(visit(TENANT, jana, same), idLeadingWith(0x1)));
        InteractionRecord high = interactions().insert(withId(visit(TENANT, jana, same), idLeadingWith(0xe)));
        InteractionRecord middle = interactions().insert(withId(visit(TENANT, jana, same), idLeadingWith(0x8)));
        InteractionRecord newest = interactions().insert(visit(TENANT, jana, minutesAgo(1)));
        InteractionRecord oldest = interactions().insert(visit(TENANT, jana, minutesAgo(600)));

        assertThat(timeline(TENANT, jana, TimelineFilter.everything()))
                .containsExactly(newest, high, middle, low, oldest);
    }

    @Test
    void timeline_orders_by_the_microsecond() {
        InteractionRecord earlier = interactions().insert(withId(visit(TENANT, jana, NOW), idLeadingWith(0xf)));
        InteractionRecord later = interactions().insert(
                withId(visit(TENANT, jana, NOW.plusNanos(1_000)), idLeadingWith(0x0)));

        assertThat(timeline(TENANT, jana, TimelineFilter.everything())).containsExactly(later, earlier);
    }

    @Test
    void timeline_shows_only_that_customer_in_that_tenant() {
        InteractionRecord janas = interactions().insert(visit(TENANT, jana, minutesAgo(2)));
        interactions().insert(visit(TENANT, piotr, minutesAgo(1)));
        interactions().insert(visit(OTHER_TENANT, jana, minutesAgo(1)));

        assertThat(timeline(TENANT, jana, TimelineFilter.everything())).containsExactly(janas);
        assertThat(timeline(TENANT, UUID.randomUUID(), TimelineFilter.everything())).isEmpty();
    }

    @Test
    void timeline_filters_by_channel_and_purpose() {
        InteractionRecord call = interactions().insert(
                interaction(TENANT, jana, Channel.PHONE, Direction.INBOUND, Purpose.SERVICE, minutesAgo(4)));
        InteractionRecord mail = interactions().insert(
                interaction(TENANT, jana, Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING, minutesAgo(3)));
        InteractionRecord sms = interactions().insert(
                interaction(TENANT, jana, Channel.SMS, Direction.OUTBOUND, Purpose.MARKETING, minutesAgo(2)));
        InteractionRecord chat = interactions().insert(
                interaction(TENANT, jana, Channel.CHAT, Direction.INBOUND, Purpose.SALES, minutesAgo(1)));

        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(Channel.PHONE, Channel.CHAT), Set.of(), null,
                null))).containsExactly(chat, call);
        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(), Set.of(Purpose.MARKETING), null, null)))
                .containsExactly(sms, mail);
        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(Channel.EMAIL, Channel.CHAT),
                Set.of(Purpose.MARKETING, Purpose.SERVICE), null, null))).containsExactly(mail);
        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(Channel.MAIL), Set.of(), null, null))).isEmpty();
    }

    @Test
    void timeline_time_range_includes_from_and_excludes_until() {
        Instant from = minutesAgo(30);
        Instant until = minutesAgo(10);
        InteractionRecord before = interactions().insert(visit(TENANT, jana, from.minusNanos(1_000)));
        InteractionRecord atFrom = interactions().insert(visit(TENANT, jana, from));
        InteractionRecord inside = interactions().insert(visit(TENANT, jana, minutesAgo(20)));
        InteractionRecord justBeforeUntil = interactions().insert(visit(TENANT, jana, until.minusNanos(1_000)));
        InteractionRecord atUntil = interactions().insert(visit(TENANT, jana, until));

        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(), Set.of(), from, until)))
                .containsExactly(justBeforeUntil, inside, atFrom);
        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(), Set.of(), from, null)))
                .containsExactly(atUntil, justBeforeUntil, inside, atFrom);
        assertThat(timeline(TENANT, jana, new TimelineFilter(Set.of(), Set.of(), null, until)))
                .containsExactly(justBeforeUntil, inside, atFrom, before);
    }

    @Test
    void a_tampered_timeline_cursor_is_rejected_as_a_validation_error_on_the_cursor() {
        for (int i = 0; i < 3; i++) {
            interactions().insert(visit(TENANT, jana, minutesAgo(i)));
        }
        Cursor issued = interactions().timeline(TENANT, jana, TimelineFilter.everything(), PageRequest.first(1))
                .next().orElseThrow();
        List<Cursor> tampered = List.of(new Cursor("!!not-base64!!"), new Cursor(issued.token() + "x"),
                Cursor.of(List.of("yesterday", UUID.randomUUID().toString())),
                Cursor.of(List.of(NOW.toString(), "not-a-uuid")), Cursor.of(List.of(NOW.toString())));

        for (Cursor cursor : tampered) {
            assertThatThrownBy(() -> interactions().timeline(TENANT, jana, TimelineFilter.everything(),
                    PageRequest.first(1).next(cursor)))
                    .as("cursor %s", cursor.token())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void activity_by_channel_counts_and_dates_the_latest_per_channel_in_channel_order() {
        interactions().insert(interaction(TENANT, jana, Channel.SMS, Direction.OUTBOUND, Purpose.MARKETING,
                minutesAgo(50)));
        interactions().insert(interaction(TENANT, jana, Channel.PHONE, Direction.INBOUND, Purpose.SERVICE,
                minutesAgo(40)));
        interactions().insert(interaction(TENANT, jana, Channel.PHONE, Direction.OUTBOUND, Purpose.SALES,
                minutesAgo(5)));
        interactions().insert(interaction(TENANT, jana, Channel.PHONE, Direction.INBOUND, Purpose.SERVICE,
                minutesAgo(30)));
        interactions().insert(interaction(TENANT, jana, Channel.WEB, Direction.INBOUND, Purpose.GENERAL,
                minutesAgo(20)));
        interactions().insert(visit(TENANT, piotr, minutesAgo(1)));
        interactions().insert(interaction(OTHER_TENANT, jana, Channel.CHAT, Direction.INBOUND, Purpose.GENERAL,
                minutesAgo(1)));

        assertThat(interactions().activityByChannel(TENANT, jana)).containsExactly(
                new ChannelActivity(Channel.PHONE, 3, minutesAgo(5)),
                new ChannelActivity(Channel.WEB, 1, minutesAgo(20)),
                new ChannelActivity(Channel.SMS, 1, minutesAgo(50)));
        assertThat(interactions().activityByChannel(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void count_matches_direction_and_purpose_from_since_inclusive() {
        Instant since = minutesAgo(60 * 24 * 30);
        interactions().insert(interaction(TENANT, jana, Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING, since));
        interactions().insert(interaction(TENANT, jana, Channel.SMS, Direction.OUTBOUND, Purpose.MARKETING,
                minutesAgo(10)));
        interactions().insert(interaction(TENANT, jana, Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING,
                since.minusNanos(1_000)));
        interactions().insert(interaction(TENANT, jana, Channel.EMAIL, Direction.INBOUND, Purpose.MARKETING,
                minutesAgo(10)));
        interactions().insert(interaction(TENANT, jana, Channel.EMAIL, Direction.OUTBOUND, Purpose.SERVICE,
                minutesAgo(10)));
        interactions().insert(interaction(TENANT, piotr, Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING,
                minutesAgo(10)));
        interactions().insert(interaction(OTHER_TENANT, jana, Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING,
                minutesAgo(10)));

        assertThat(interactions().count(TENANT, jana, Direction.OUTBOUND, Purpose.MARKETING, since)).isEqualTo(2);
        assertThat(interactions().count(TENANT, jana, Direction.INBOUND, Purpose.MARKETING, since)).isEqualTo(1);
        assertThat(interactions().count(TENANT, jana, Direction.OUTBOUND, Purpose.SALES, since)).isZero();
        assertThat(interactions().count(TENANT, jana, Direction.OUTBOUND, Purpose.MARKETING, NOW)).isZero();
    }

    @Test
    void move_all_moves_every_interaction_raising_version_and_updated_at() {
        InteractionRecord first = interactions().insert(withKey(visit(TENANT, piotr, minutesAgo(3)), "move-me"));
        InteractionRecord second = interactions().insert(visit(TENANT, piotr, minutesAgo(2)));
        InteractionRecord janas = interactions().insert(visit(TENANT, jana, minutesAgo(1)));
        InteractionRecord otherTenants = interactions().insert(visit(OTHER_TENANT, piotr, minutesAgo(1)));
        Instant later = NOW.plusSeconds(60);

        int moved = interactions().moveAll(TENANT, piotr, jana, later);

        assertThat(moved).isEqualTo(2);
        assertThat(timeline(TENANT, piotr, TimelineFilter.everything())).isEmpty();
        List<InteractionRecord> janasTimeline = timeline(TENANT, jana, TimelineFilter.everything());
        assertThat(janasTimeline).extracting(InteractionRecord::id).containsExactly(janas.id(), second.id(), first.id());
        InteractionRecord movedFirst = interactions().get(TENANT, first.id()).orElseThrow();
        assertThat(movedFirst.customerId()).isEqualTo(jana);
        assertThat(movedFirst.version()).isEqualTo(2);
        assertThat(movedFirst.updatedAt()).isEqualTo(later);
        assertThat(movedFirst.createdAt()).isEqualTo(first.createdAt());
        assertThat(movedFirst.idempotencyKey()).isEqualTo("move-me");
        assertThat(interactions().get(TENANT, janas.id())).contains(janas);
        assertThat(interactions().get(OTHER_TENANT, otherTenants.id())).contains(otherTenants);
        assertThat(interactions().activityByChannel(TENANT, jana)).containsExactly(
                new ChannelActivity(Channel.WEB, 3, minutesAgo(1)));
    }

    @Test
    void move_all_of_a_customer_without_interactions_moves_nothing() {
        InteractionRecord janas = interactions().insert(visit(TENANT, jana, minutesAgo(1)));

        assertThat(interactions().moveAll(TENANT, piotr, jana, NOW)).isZero();
        assertThat(interactions().get(TENANT, janas.id())).contains(janas);
    }

    @Test
    void null_arguments_are_validation_errors_naming_the_argument() {
        assertThatThrownBy(() -> interactions().insert(null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> interactions().timeline(TENANT, null, TimelineFilter.everything(),
                PageRequest.first(1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> interactions().count(TENANT, jana, Direction.OUTBOUND, Purpose.MARKETING, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("since"));
        Page<InteractionRecord> none = interactions().timeline(TENANT, jana, TimelineFilter.everything(),
                PageRequest.first(5));
        assertThat(none.items()).isEmpty();
        assertThat(none.hasNext()).isFalse();
    }
}
