package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.MergeChain;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.port.CatalogueProduct;
import dev.crmkit.core.port.ProductCatalogue;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

final class StoredPurchases implements PurchaseService {
    /**
     * How often an order or a return is tried again after a concurrent change won: another report of the same
     * reference, another return to the same order, or another change of the member's points the accrual races with.
     */
    private static final int TRIES = 3;

    private final DomainContext context;
    private final String tenantId;
    private final ProductCatalogue catalogue;
    private final ExpiryNoticeSettings notices;
    private final PurchaseStore purchases;
    private final CustomerStore customers;

    StoredPurchases(DomainContext context, String tenantId, ProductCatalogue catalogue,
            ExpiryNoticeSettings notices) {
        this.context = context;
        this.notices = notices;
        this.tenantId = tenantId;
        this.catalogue = catalogue;
        this.purchases = context.storage(LoyaltyStorage.class).purchases();
        this.customers = context.storage(CustomerStorage.class).customers();
    }

    @Override
    public Purchase record(RecordPurchase command) {
        Checks.required("command", command);
        RecordPurchase complete = withCategories(command);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> recordOnce(complete));
            } catch (DuplicateException e) {
                if (!"orderReference".equals(e.key())) {
                    throw e;
                }
                // a concurrent report of the same reference won the insert; answer as if it had come first
                return inTransaction(() -> recordOnce(complete));
            } catch (ConflictException e) {
                // the accrual lost the race for the membership to another change of the member's points
                if (!e.retryable() || attempt == TRIES) {
                    throw e;
                }
            }
        }
    }

    private Purchase recordOnce(RecordPurchase command) {
        UUID customerId = customerOf(command.customerId());
        Optional<PurchaseRecord> known = purchases.findByOrderReference(tenantId, command.orderReference());
        if (known.isPresent()) {
            if (!new PurchaseAggregate(known.get()).isReportedBy(command, customerId)) {
                throw new ConflictException("the order reference was recorded before for a different order");
            }
            return Purchase.of(known.get());
        }
        PurchaseChange change = PurchaseAggregate.record(tenantId, context.ids().next(), customerId, command,
                context.now());
        purchases.insert(change.after());
        context.events().record(change.events());
        new PurchaseAccruals(context, tenantId, notices).accrue(change.after());
        return Purchase.of(change.after());
    }

    /** The command with every line's category, asked of the catalogue outside any unit. */
    private RecordPurchase withCategories(RecordPurchase command) {
        List<PurchaseLine> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            PurchaseLine line = command.lines().get(i);
            String field = "lines[" + i + "].category";
            if (line.category() == null) {
                String category = catalogue.product(tenantId, line.productReference())
                        .map(CatalogueProduct::category)
                        .orElseThrow(() -> new ValidationException(field,
                                "is required: the product catalogue does not know the product"));
                line = line.inCategory(category);
            }
            lines.add(line);
        }
        return new RecordPurchase(command.customerId(), command.orderReference(), command.channel(),
                command.purchasedAt(), lines);
    }

    /** The live customer the id names or was merged into; an unknown id is bad input. */
    private UUID customerOf(UUID customerId) {
        try {
            return MergeChain.survivor(customers, tenantId, customerId).id();
        } catch (NotFoundException e) {
            throw new ValidationException("customerId", "names no customer of the tenant");
        }
    }

    @Override
    public Purchase recordReturn(RecordReturn command) {
        Checks.required("command", command);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> returnOnce(command));
            } catch (ConflictException e) {
                if (attempt == TRIES || !e.retryable()) {
                    throw e;
                }
            } catch (DuplicateException e) {
                if (!"returnReference".equals(e.key()) || attempt == TRIES) {
                    throw e;
                }
            }
        }
    }

    private Purchase returnOnce(RecordReturn command) {
        Optional<PurchaseRecord> known = purchases.findByReturnReference(tenantId, command.returnReference());
        if (known.isPresent()) {
            if (!new PurchaseAggregate(known.get()).holdsReturn(command)) {
                throw new ConflictException("the return reference was recorded before for a different return");
            }
            return Purchase.of(known.get());
        }
        PurchaseRecord before = purchases.findByOrderReference(tenantId, command.orderReference())
                .orElseThrow(() -> new NotFoundException("purchase", command.orderReference()));
        PurchaseChange change = new PurchaseAggregate(before).returnGoods(context.ids().next(), command,
                context.now());
        PurchaseRecord stored = purchases.addReturn(tenantId, before.id(),
                change.after().returns().get(change.after().returns().size() - 1), change.after().updatedAt(),
                before.version());
        context.events().record(change.events());
        new PurchaseAccruals(context, tenantId, notices).reverse(stored, change.after().returns()
                .get(change.after().returns().size() - 1).id());
        return Purchase.of(stored);
    }

    @Override
    public Purchase purchase(UUID purchaseId) {
        Checks.id("purchaseId", purchaseId);
        return purchases.get(tenantId, purchaseId).map(Purchase::of)
                .orElseThrow(() -> new NotFoundException("purchase", purchaseId));
    }

    @Override
    public Purchase purchaseByOrderReference(String orderReference) {
        Checks.text("orderReference", orderReference, 100);
        return purchases.findByOrderReference(tenantId, orderReference).map(Purchase::of)
                .orElseThrow(() -> new NotFoundException("purchase", orderReference));
    }

    @Override
    public Page<Purchase> purchasesOf(UUID customerId, PageRequest page) {
        Checks.id("customerId", customerId);
        Checks.required("page", page);
        Page<PurchaseRecord> records = inTransaction(() -> purchases.forCustomer(tenantId,
                MergeChain.survivor(customers, tenantId, customerId).id(), page));
        return new Page<>(records.items().stream().map(Purchase::of).toList(), records.next());
    }

    @Override
    public List<CustomerValue> valueOf(UUID customerId) {
        Checks.id("customerId", customerId);
        return inTransaction(() -> purchases.summaries(tenantId,
                MergeChain.survivor(customers, tenantId, customerId).id()).stream().map(CustomerValue::of).toList());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }
}
