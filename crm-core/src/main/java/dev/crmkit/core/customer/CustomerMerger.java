package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.module.CustomerDataPart;
import dev.crmkit.core.module.CustomerMerge;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges one live customer into another inside the caller's transaction. The survivor keeps its id, stage and
 * details; it gains the other's tags, the custom field values and owner it lacks, the contact points whose values it
 * does not have yet (keeping its own primaries) and the relationships. Every other registered domain moves its own rows
 * through its {@link CustomerDataPart} (touch points, leads, deals, a host's own records) in the same unit, and the
 * {@link CustomerEvent.CustomerMerged} event reports what each moved. The merged customer stays stored, pointing at the
 * survivor, so old ids still resolve.
 */
final class CustomerMerger {
    private final DomainContext context;
    private final CustomerStorage customerStorage;
    private final String tenantId;

    CustomerMerger(DomainContext context, String tenantId) {
        this.context = context;
        this.customerStorage = context.storage(CustomerStorage.class);
        this.tenantId = tenantId;
    }

    CustomerRecord merge(CustomerRecord survivor, CustomerRecord merged, Actor actor) {
        Instant now = context.now();
        // what the survivor becomes is decided (and validated, e.g. the tag limit) before anything is written
        CustomerRecord survivorAfter = new CustomerAggregate(survivor).absorb(merged, now);
        CustomerRecord mergedAfter = new CustomerAggregate(merged).mergedInto(survivor.id(), now);

        Map<String, Integer> moved = new TreeMap<>();
        moved.put("contactPoints", moveContactPoints(survivor, merged, now));
        moved.put("relationships", customerStorage.relationships().moveAll(tenantId, merged.id(), survivor.id(), now));
        CustomerMerge merge = new CustomerMerge(tenantId, survivor.id(), merged.id(), actor, now);
        for (CustomerDataPart part : context.customerDataParts()) {
            part.merge(merge).forEach((kind, count) -> moved.merge(kind, count, Integer::sum));
        }

        CustomerRecord stored = customerStorage.customers().update(survivorAfter, survivor.version());
        customerStorage.customers().update(mergedAfter, merged.version());

        context.events().record(new CustomerEvent.CustomerMerged(tenantId, survivor.id(), merged.id(), actor, moved,
                now));
        return stored;
    }

    private int moveContactPoints(CustomerRecord survivor, CustomerRecord merged, Instant now) {
        List<ContactPointRecord> kept = customerStorage.contactPoints().forCustomer(tenantId, survivor.id());
        Set<String> values = new HashSet<>();
        Set<ContactPointKind> primaryKinds = EnumSet.noneOf(ContactPointKind.class);
        for (ContactPointRecord p : kept) {
            values.add(p.kind() + ":" + p.value());
            if (p.primary()) {
                primaryKinds.add(p.kind());
            }
        }
        for (ContactPointRecord p : customerStorage.contactPoints().forCustomer(tenantId, merged.id())) {
            if (values.contains(p.kind() + ":" + p.value())) {
                customerStorage.contactPoints().delete(tenantId, p.id(), p.version());
            } else if (p.primary() && !primaryKinds.add(p.kind())) {
                customerStorage.contactPoints().update(DefaultCustomerService.withPrimary(p, false, now), p.version());
            }
        }
        return customerStorage.contactPoints().moveAll(tenantId, merged.id(), survivor.id(), now);
    }
}
