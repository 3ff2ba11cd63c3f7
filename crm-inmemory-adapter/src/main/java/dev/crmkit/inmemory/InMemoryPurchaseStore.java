package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.PurchaseSummary;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.PurchaseStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

final class InMemoryPurchaseStore implements PurchaseStore {
    private static final String TYPE = "purchase";
    private static final Comparator<PurchaseRecord> NEWEST_FIRST =
            Comparator.comparing(PurchaseRecord::id, Ids.ORDER).reversed();

    private final UnitOfWork unit;
    private final Table<PurchaseRecord> table;

    InMemoryPurchaseStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public PurchaseRecord insert(PurchaseRecord purchase) {
        Checks.required("purchase", purchase);
        if (!purchase.returns().isEmpty()) {
            throw new ValidationException("returns", "must be empty for a new order: add returns with addReturn");
        }
        return unit.inTransaction(() -> {
            PurchaseRecord stored = atVersionOne(purchase);
            table.checkInsertable(stored);
            if (findOrder(purchase.tenantId(), purchase.orderReference()).isPresent()) {
                throw new DuplicateException(TYPE, "orderReference");
            }
            return table.insert(stored);
        });
    }

    @Override
    public Optional<PurchaseRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<PurchaseRecord> findByOrderReference(String tenantId, String orderReference) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("orderReference", orderReference, 100);
        return unit.inTransaction(() -> findOrder(tenantId, orderReference));
    }

    private Optional<PurchaseRecord> findOrder(String tenantId, String orderReference) {
        return table.all(tenantId).stream().filter(p -> p.orderReference().equals(orderReference)).findFirst();
    }

    @Override
    public Optional<PurchaseRecord> findByReturnReference(String tenantId, String returnReference) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("returnReference", returnReference, 100);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(p -> p.returns().stream().anyMatch(r -> r.returnReference().equals(returnReference)))
                .findFirst());
    }

    @Override
    public PurchaseRecord addReturn(String tenantId, UUID purchaseId, PurchaseReturnRecord added, Instant at,
            long expectedVersion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("purchaseId", purchaseId);
        Checks.required("added", added);
        Instant when = Checks.instant("at", at);
        return unit.inTransaction(() -> {
            PurchaseRecord stored = table.expect(tenantId, purchaseId, expectedVersion);
            for (PurchaseRecord p : table.all(tenantId)) {
                for (PurchaseReturnRecord r : p.returns()) {
                    if (r.returnReference().equals(added.returnReference())) {
                        throw new DuplicateException(TYPE, "returnReference");
                    }
                    if (r.id().equals(added.id())) {
                        throw new DuplicateException(TYPE, "returnId");
                    }
                }
            }
            PurchaseRecord next = stored.withReturn(added, when);
            table.put(next);
            return next;
        });
    }

    @Override
    public Page<PurchaseRecord> forCustomer(String tenantId, UUID customerId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(
                table.all(tenantId).stream().filter(p -> p.customerId().equals(customerId)), NEWEST_FIRST, page, 1,
                p -> List.of(p.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return p -> Ids.ORDER.compare(p.id(), after) < 0;
                }));
    }

    @Override
    public List<PurchaseSummary> summaries(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return unit.inTransaction(() -> {
            Map<String, List<PurchaseRecord>> byCurrency = new TreeMap<>();
            table.all(tenantId).stream().filter(p -> p.customerId().equals(customerId))
                    .forEach(p -> byCurrency.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(p));
            List<PurchaseSummary> summaries = new ArrayList<>();
            byCurrency.forEach((currency, orders) -> summaries.add(new PurchaseSummary(customerId, currency,
                    orders.size(),
                    orders.stream().map(PurchaseRecord::purchasedAt).min(Comparator.naturalOrder()).orElseThrow(),
                    orders.stream().map(PurchaseRecord::purchasedAt).max(Comparator.naturalOrder()).orElseThrow(),
                    orders.stream().map(PurchaseRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    orders.stream().map(PurchaseRecord::returnedAmount).reduce(BigDecimal.ZERO, BigDecimal::add))));
            return List.copyOf(summaries);
        });
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<PurchaseRecord> moving = table.all(tenantId).stream()
                    .filter(p -> p.customerId().equals(fromCustomerId)).toList();
            for (PurchaseRecord p : moving) {
                table.put(new PurchaseRecord(tenantId, p.id(), p.version() + 1, p.createdAt(), at, toCustomerId,
                        p.orderReference(), p.channel(), p.purchasedAt(), p.currency(), p.lines(), p.returns()));
            }
            return moving.size();
        });
    }

    private static PurchaseRecord atVersionOne(PurchaseRecord p) {
        return p.version() == 1 ? p : new PurchaseRecord(p.tenantId(), p.id(), 1, p.createdAt(), p.updatedAt(),
                p.customerId(), p.orderReference(), p.channel(), p.purchasedAt(), p.currency(), p.lines(),
                p.returns());
    }
}
