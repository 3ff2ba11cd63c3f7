package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CoreContext;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.ValidationException;
import dev.crmkit.spi.customer.ContactPointKind;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges one live customer into another inside the caller's transaction. The survivor keeps its id, stage and
 * details; it gains the other's tags, the custom field values and owner it lacks, the contact points whose values
 * it does not have yet (keeping its own primaries), every interaction, task, relationship and opportunity, the
 * contact roles the merged person holds on deals, and the leads linked to or converted into the merged customer. The merged customer stays stored, pointing at the
 * survivor, so old ids still resolve.
 */
final class CustomerMerger {
    private final CoreContext context;
    private final Storage storage;
    private final String tenantId;

    CustomerMerger(CoreContext context, String tenantId) {
        this.context = context;
        this.storage = context.storage();
        this.tenantId = tenantId;
    }

    CustomerRecord merge(CustomerRecord survivor, CustomerRecord merged, Actor actor) {
        if (survivor.id().equals(merged.id())) {
            throw new ValidationException("mergedId", "must name another customer than survivorId");
        }
        Instant now = context.now();
        CustomerDraft survivorDraft = new CustomerDraft(survivor);
        survivorDraft.tags.addAll(merged.tags());
        merged.customFields().forEach(survivorDraft.customFields::putIfAbsent);
        if (survivorDraft.ownerId == null) {
            survivorDraft.ownerId = merged.ownerId();
        }
        if (survivorDraft.organizationName == null) {
            survivorDraft.organizationName = merged.organizationName();
        }
        // Build (and so validate, e.g. the tag limit) before anything is written.
        CustomerRecord survivorAfter = survivorDraft.build(now);

        int contactPointsMoved = moveContactPoints(survivor, merged, now);
        int interactionsMoved = storage.interactions().moveAll(tenantId, merged.id(), survivor.id(), now);
        int tasksMoved = storage.tasks().moveAll(tenantId, merged.id(), survivor.id(), now);
        int relationshipsMoved = storage.relationships().moveAll(tenantId, merged.id(), survivor.id(), now);
        int leadsMoved = storage.leads().moveCustomer(tenantId, merged.id(), survivor.id(), now);
        int opportunitiesMoved = storage.opportunities().moveAll(tenantId, merged.id(), survivor.id(), now);

        CustomerRecord stored = storage.customers().update(survivorAfter, survivor.version());
        CustomerDraft mergedDraft = new CustomerDraft(merged);
        mergedDraft.mergedInto = survivor.id();
        storage.customers().update(mergedDraft.build(now), merged.version());

        context.events().record(new CustomerEvent.CustomerMerged(tenantId, survivor.id(), merged.id(), actor,
                contactPointsMoved, interactionsMoved, tasksMoved, relationshipsMoved, leadsMoved, opportunitiesMoved,
                now));
        return stored;
    }

    private int moveContactPoints(CustomerRecord survivor, CustomerRecord merged, Instant now) {
        List<ContactPointRecord> kept = storage.contactPoints().forCustomer(tenantId, survivor.id());
        Set<String> values = new HashSet<>();
        Set<ContactPointKind> primaryKinds = EnumSet.noneOf(ContactPointKind.class);
        for (ContactPointRecord p : kept) {
            values.add(p.kind() + ":" + p.value());
            if (p.primary()) {
                primaryKinds.add(p.kind());
            }
        }
        for (ContactPointRecord p : storage.contactPoints().forCustomer(tenantId, merged.id())) {
            if (values.contains(p.kind() + ":" + p.value())) {
                storage.contactPoints().delete(tenantId, p.id(), p.version());
            } else if (p.primary() && !primaryKinds.add(p.kind())) {
                storage.contactPoints().update(DefaultCustomerService.withPrimary(p, false, now), p.version());
            }
        }
        return storage.contactPoints().moveAll(tenantId, merged.id(), survivor.id(), now);
    }
}
