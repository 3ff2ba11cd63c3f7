package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.ChannelActivity;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.InteractionStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

final class InMemoryInteractionStore implements InteractionStore {
    /** Newest first: occurredAt descending, then id descending. */
    private static final Comparator<InteractionRecord> NEWEST_FIRST = Comparator
            .comparing(InteractionRecord::occurredAt)
            .thenComparing(InteractionRecord::id, Ids.ORDER)
            .reversed();

    private final UnitOfWork unit;
    private final Table<InteractionRecord> table;

    InMemoryInteractionStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("interaction", unit);
    }

    @Override
    public InteractionRecord insert(InteractionRecord interaction) {
        Checks.required("interaction", interaction);
        return unit.inTransaction(() -> {
            table.checkInsertable(interaction);
            if (interaction.idempotencyKey() != null && findKey(interaction.tenantId(), interaction.idempotencyKey()).isPresent()) {
                throw new DuplicateException("interaction", "idempotencyKey");
            }
            return table.insert(interaction);
        });
    }

    private Optional<InteractionRecord> findKey(String tenantId, String key) {
        return table.all(tenantId).stream().filter(i -> key.equals(i.idempotencyKey())).findFirst();
    }

    @Override
    public void insertAll(List<InteractionRecord> interactions) {
        Checks.noNulls("interactions", interactions);
        unit.run(() -> interactions.forEach(this::insert));
    }

    @Override
    public Optional<InteractionRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<InteractionRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return unit.inTransaction(() -> findKey(tenantId, idempotencyKey));
    }

    @Override
    public Page<InteractionRecord> timeline(String tenantId, UUID customerId, TimelineFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(
                table.all(tenantId).stream().filter(i -> i.customerId().equals(customerId) && filter.test(i)),
                NEWEST_FIRST, page, 2,
                i -> List.of(i.occurredAt().toString(), i.id().toString()),
                keys -> {
                    InteractionRecord probe = probe(tenantId, customerId, keys);
                    return i -> NEWEST_FIRST.compare(i, probe) > 0;
                }));
    }

    private static InteractionRecord probe(String tenantId, UUID customerId, List<String> keys) {
        Instant at;
        try {
            at = Instant.parse(keys.get(0));
        } catch (DateTimeParseException e) {
            throw new dev.crmkit.model.ValidationException("cursor", "is not a cursor this library issued");
        }
        return new InteractionRecord(tenantId, Paging.id(keys.get(1)), 1, at, at, customerId, Channel.WEB,
                Direction.INBOUND, Purpose.GENERAL, null, null, null, at, null);
    }

    @Override
    public List<ChannelActivity> activityByChannel(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return unit.inTransaction(() -> {
            Map<Channel, List<InteractionRecord>> byChannel = table.all(tenantId).stream()
                    .filter(i -> i.customerId().equals(customerId))
                    .collect(Collectors.groupingBy(InteractionRecord::channel, () -> new EnumMap<>(Channel.class),
                            Collectors.toList()));
            List<ChannelActivity> result = new ArrayList<>();
            byChannel.forEach((channel, list) -> result.add(new ChannelActivity(channel, list.size(),
                    list.stream().map(InteractionRecord::occurredAt).max(Comparator.naturalOrder()).orElseThrow())));
            return result;
        });
    }

    @Override
    public long count(String tenantId, UUID customerId, Direction direction, Purpose purpose, Instant since) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("direction", direction);
        Checks.required("purpose", purpose);
        Instant from = Checks.instant("since", since);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(i -> i.customerId().equals(customerId) && i.direction() == direction
                        && i.purpose() == purpose && !i.occurredAt().isBefore(from))
                .count());
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<InteractionRecord> moving = table.all(tenantId).stream()
                    .filter(i -> i.customerId().equals(fromCustomerId))
                    .collect(Collectors.toList());
            for (InteractionRecord i : moving) {
                table.put(new InteractionRecord(tenantId, i.id(), i.version() + 1, i.createdAt(), at, toCustomerId,
                        i.channel(), i.direction(), i.purpose(), i.outcome(), i.agentId(), i.summary(),
                        i.occurredAt(), i.idempotencyKey()));
            }
            return moving.size();
        });
    }
}
