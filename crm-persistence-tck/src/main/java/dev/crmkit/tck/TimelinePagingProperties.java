package dev.crmkit.tck;

import static dev.crmkit.tck.TouchPointFixtures.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Keyset paging through a customer's timeline: for any interactions and any filter, the pages read one after
 * another equal the reference evaluation of {@link TimelineFilter#test} in newest-first order; and while other
 * interactions are inserted between or during page reads, every interaction that existed throughout is seen
 * exactly once, in order.
 */
public abstract class TimelinePagingProperties extends ContractSupport {
    private static final int EXAMPLES = 30;
    /** Newest first: occurredAt descending, then id descending in {@link Ids#ORDER}. */
    private static final Comparator<InteractionRecord> NEWEST_FIRST = Comparator
            .comparing(InteractionRecord::occurredAt)
            .thenComparing(InteractionRecord::id, Ids.ORDER)
            .reversed();

    private final UUID customer = UUID.randomUUID();


    /** Channel, purpose and minute of an interaction; few minutes, so equal times (ties on id) are common. */
    private record Shape(Channel channel, Purpose purpose, int minute) {
    }

    private static Gen<Shape> shape() {
        return range(0, Channel.values().length - 1).zip(range(0, Purpose.values().length - 1), range(0, 8),
                (c, p, m) -> new Shape(Channel.values()[c], Purpose.values()[p], m));
    }

    private static Gen<TimelineFilter> filter() {
        Gen<Set<Channel>> channels = lists().of(range(0, Channel.values().length - 1)).ofSizeBetween(0, 3)
                .map(list -> {
                    Set<Channel> set = EnumSet.noneOf(Channel.class);
                    list.forEach(i -> set.add(Channel.values()[i]));
                    return set;
                });
        Gen<Set<Purpose>> purposes = lists().of(range(0, Purpose.values().length - 1)).ofSizeBetween(0, 2)
                .map(list -> {
                    Set<Purpose> set = EnumSet.noneOf(Purpose.class);
                    list.forEach(i -> set.add(Purpose.values()[i]));
                    return set;
                });
        // -1 leaves that end of the range open.
        return channels.zip(purposes, range(-1, 9), range(-1, 9),
                (c, p, from, until) -> new TimelineFilter(c, p, from < 0 ? null : minute(from),
                        until < 0 ? null : minute(until)));
    }

    private static Instant minute(int minute) {
        return NOW.plusSeconds(60L * minute);
    }

    private InteractionRecord store(String tenant, Shape shape) {
        return interactions().insert(interaction(tenant, customer, shape.channel(),
                shape.minute() % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, shape.purpose(),
                minute(shape.minute())));
    }

    private List<InteractionRecord> readAll(String tenant, TimelineFilter filter, int pageSize) {
        List<InteractionRecord> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<InteractionRecord> page = interactions().timeline(tenant, customer, filter, request);
            seen.addAll(page.items());
            assertThat(page.hasNext()).as("next present exactly on a full page")
                    .isEqualTo(page.items().size() == pageSize);
            if (page.next().isEmpty()) {
                return seen;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void pages_of_a_filtered_timeline_equal_the_reference_evaluation_in_newest_first_order() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(lists().of(shape()).ofSizeBetween(0, 16), filter(), range(1, 6))
                .checkAssert((shapes, filter, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<InteractionRecord> stored = new ArrayList<>();
                    shapes.forEach(s -> stored.add(store(tenant, s)));

                    List<InteractionRecord> expected = stored.stream().filter(filter::test).sorted(NEWEST_FIRST)
                            .toList();

                    assertThat(readAll(tenant, filter, pageSize)).as("timeline under %s", filter)
                            .isEqualTo(expected);
                });
    }

    @Test
    void pages_neither_skip_nor_repeat_while_interactions_are_inserted_between_reads() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(lists().of(shape()).ofSizeBetween(0, 14), range(1, 5),
                        lists().of(lists().of(shape()).ofSizeBetween(0, 3)).ofSizeBetween(0, 6))
                .checkAssert((initial, pageSize, insertsBetweenReads) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    Set<InteractionRecord> existing = new HashSet<>();
                    initial.forEach(s -> existing.add(store(tenant, s)));

                    List<InteractionRecord> seen = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    int read = 0;
                    while (true) {
                        Page<InteractionRecord> page = interactions().timeline(tenant, customer,
                                TimelineFilter.everything(), request);
                        seen.addAll(page.items());
                        if (page.next().isEmpty()) {
                            break;
                        }
                        if (read < insertsBetweenReads.size()) {
                            insertsBetweenReads.get(read).forEach(s -> store(tenant, s));
                        }
                        read++;
                        request = request.next(page.next().get());
                    }

                    assertThat(seen).as("newest first, none repeated").isSortedAccordingTo(NEWEST_FIRST)
                            .doesNotHaveDuplicates();
                    assertThat(seen).as("every interaction that existed throughout").containsAll(existing);
                });
    }

    @Test
    void pages_neither_skip_nor_repeat_while_another_thread_inserts() throws Exception {
        String tenant = CustomerFixtures.freshTenant();
        Set<InteractionRecord> existing = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            existing.add(store(tenant, new Shape(Channel.values()[i % Channel.values().length],
                    Purpose.values()[i % Purpose.values().length], i % 40)));
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> inserted = writer.submit(() -> {
                int n = 0;
                while (reading.get() && n < 2_000) {
                    store(tenant, new Shape(Channel.CHAT, Purpose.SALES, n % 50));
                    n++;
                }
                return n;
            });

            List<InteractionRecord> seen = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                seen = readAll(tenant, TimelineFilter.everything(), 7);
                assertThat(seen).as("round %d: newest first, none repeated", round)
                        .isSortedAccordingTo(NEWEST_FIRST).doesNotHaveDuplicates();
                assertThat(seen).as("round %d: every interaction that existed throughout", round)
                        .containsAll(existing);
            }
            reading.set(false);
            assertThat(inserted.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            reading.set(false);
            writer.shutdownNow();
        }
    }
}
