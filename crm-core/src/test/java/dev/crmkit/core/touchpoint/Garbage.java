package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.CrmException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * Generated bad input: each argument of a call is picked by a generated number from a list of values that are
 * null, malformed, out of range or unknown, mixed with a few good ones (so calls get past the first check).
 * {@link #assertSafe} then checks that a call either works or throws a {@link CrmException} and changes nothing.
 */
public final class Garbage {
    /** Ten generated picks, one per argument position. */
    public static final Gen<List<Integer>> PICKS = lists().of(integers().between(0, 9_999)).ofSize(10);

    private static final List<String> STRINGS = Arrays.asList(null, "", "   ", "x".repeat(5_000),
            "x".repeat(201), "nul\u0000char", "lone\uD800surrogate", "agent-7", "Call back", "k-1",
            "\uD83D\uDE00 emoji");
    private static final List<Instant> INSTANTS = Arrays.asList(null, Instant.MIN, Instant.MAX, Instant.EPOCH,
            Instant.parse("0999-12-31T23:59:59Z"), Instant.parse("2026-03-02T09:00:00Z"),
            Instant.parse("2026-03-03T09:00:00.123456789Z"));
    private static final List<Integer> INTS = List.of(Integer.MIN_VALUE, -1, 0, 1, 3, 1000, 1001, 3650, 3651,
            Integer.MAX_VALUE);

    private final List<UUID> uuids;
    private final List<Integer> picks;

    private Garbage(List<UUID> uuids, List<Integer> picks) {
        this.uuids = uuids;
        this.picks = picks;
    }

    /** Reads arguments from generated picks; {@code knownIds} are ids that exist, mixed with unknown and null ones. */
    public static Garbage of(List<Integer> picks, List<UUID> knownIds) {
        List<UUID> ids = new ArrayList<>(knownIds);
        ids.add(null);
        ids.add(UUID.fromString("00000000-0000-0000-0000-000000000000"));
        ids.add(UUID.fromString("018f0000-dead-7000-8000-000000000bad"));
        return new Garbage(ids, picks);
    }

    private <T> T pick(List<T> values, int position) {
        return values.get(picks.get(position) % values.size());
    }

    public UUID id(int position) {
        return pick(uuids, position);
    }

    public String text(int position) {
        return pick(STRINGS, position);
    }

    public Instant instant(int position) {
        return pick(INSTANTS, position);
    }

    public int number(int position) {
        return pick(INTS, position);
    }

    public <E extends Enum<E>> E value(int position, Class<E> type) {
        List<E> values = new ArrayList<>(Arrays.asList(type.getEnumConstants()));
        values.add(null);
        return pick(values, position);
    }

    /** A page request of a generated size, maybe after a cursor that is garbage; may throw while being built. */
    public PageRequest page(int position) {
        return switch (picks.get(position) % 4) {
            case 0 -> null;
            case 1 -> new PageRequest(number(position), null);
            case 2 -> new PageRequest(5, new Cursor(text(position)));
            default -> PageRequest.first(10);
        };
    }

    /** A timeline filter, maybe with nulls in its sets or a bad time range; may throw while being built. */
    public TimelineFilter filter(int position) {
        Set<Channel> channels = new HashSet<>();
        channels.add(value(position, Channel.class));
        Set<Purpose> purposes = new HashSet<>();
        purposes.add(value(position + 1, Purpose.class));
        return switch (picks.get(position) % 3) {
            case 0 -> null;
            case 1 -> new TimelineFilter(channels, purposes, instant(position), instant(position + 1));
            default -> TimelineFilter.everything();
        };
    }

    /** Direction from a position, maybe null. */
    public Direction direction(int position) {
        return value(position, Direction.class);
    }

    /**
     * Runs a call: it may succeed, or it must throw a {@link CrmException} and leave {@code state} as it was.
     */
    public static void assertSafe(Supplier<?> state, Runnable call) {
        Object before = state.get();
        try {
            call.run();
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(CrmException.class);
            assertThat(state.get()).isEqualTo(before);
        }
    }
}
