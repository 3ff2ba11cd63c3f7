package dev.crmkit.core.view;

import dev.crmkit.core.common.MergeChain;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

final class StoredCustomerViews implements CustomerViewService {
    private final Storage storage;
    private final CustomerStorage customerStorage;
    private final Optional<LeadStorage> leadStorage;
    private final Optional<LoyaltyStorage> loyaltyStorage;
    private final TouchPointStorage touchPointStorage;
    private final String tenantId;

    StoredCustomerViews(DomainContext context, String tenantId) {
        this.storage = context.storage();
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        // a storage without leads shows no origins; the view does not need the lead domain to run
        this.leadStorage = this.storage.capability(LeadStorage.class);
        // likewise a storage without purchases shows none
        this.loyaltyStorage = this.storage.capability(LoyaltyStorage.class);
        this.touchPointStorage = this.storage.capability(TouchPointStorage.class).orElseThrow();
        this.tenantId = tenantId;
    }

    @Override
    public CustomerView view(UUID customerId) {
        return view(customerId, DEFAULT_TIMELINE_SIZE);
    }

    @Override
    public CustomerView view(UUID customerId, int timelineSize) {
        Checks.id("customerId", customerId);
        PageRequest timelinePage = new PageRequest(timelineSize, null);
        return storage.transactions().inTransaction(() -> {
            CustomerRecord customer = MergeChain.survivor(customerStorage.customers(), tenantId, customerId);
            UUID id = customer.id();
            List<CustomerView.ContactPoint> contactPoints = customerStorage.contactPoints().forCustomer(tenantId, id).stream()
                    .map(CustomerView.ContactPoint::of).toList();
            List<CustomerView.Relationship> relationships = relationships(id);
            Page<TaskRecord> open = touchPointStorage.tasks().openForCustomer(tenantId, id,
                    PageRequest.first(MAX_OPEN_FOLLOW_UPS));
            List<CustomerView.ChannelContact> channels = touchPointStorage.interactions().activityByChannel(tenantId, id)
                    .stream().map(CustomerView.ChannelContact::of).toList();
            List<CustomerView.Origin> origins = leadStorage.map(l -> l.leads().convertedInto(tenantId, id, MAX_ORIGINS)
                    .stream().map(CustomerView.Origin::of).toList()).orElse(List.of());
            List<CustomerView.PurchaseTotals> purchases = loyaltyStorage.map(l -> l.purchases().summaries(tenantId, id)
                    .stream().map(CustomerView.PurchaseTotals::of).toList()).orElse(List.of());
            List<CustomerView.SuspectedDuplicate> suspicions = customerStorage.duplicatePairs()
                    .open(tenantId, id, PageRequest.first(MAX_SUSPECTED_DUPLICATES)).items().stream()
                    .map(p -> CustomerView.SuspectedDuplicate.of(p, id)).toList();
            Page<InteractionRecord> timeline = touchPointStorage.interactions()
                    .timeline(tenantId, id, TimelineFilter.everything(), timelinePage);
            return new CustomerView(CustomerView.Profile.of(customer), contactPoints, relationships,
                    open.items().stream().map(FollowUp::of).toList(), open.hasNext(), channels, origins, purchases, suspicions,
                    new Page<>(timeline.items().stream().map(Interaction::of).toList(), timeline.next()));
        });
    }

    /** The customer's relationships with the other party's name, read for all parties in one call. */
    private List<CustomerView.Relationship> relationships(UUID customerId) {
        List<RelationshipRecord> records = customerStorage.relationships().involving(tenantId, customerId, MAX_RELATIONSHIPS);
        if (records.isEmpty()) {
            return List.of();
        }
        List<UUID> counterpartIds = records.stream().map(r -> counterpart(r, customerId)).distinct().toList();
        Map<UUID, String> names = customerStorage.customers().getAll(tenantId, counterpartIds).stream()
                .collect(Collectors.toMap(CustomerRecord::id, CustomerRecord::displayName, (a, b) -> a));
        Function<RelationshipRecord, CustomerView.Relationship> toView = r -> {
            UUID other = counterpart(r, customerId);
            return new CustomerView.Relationship(r.id(), r.role(), r.personId().equals(customerId), other,
                    names.get(other));
        };
        return records.stream().map(toView).toList();
    }

    private static UUID counterpart(RelationshipRecord relationship, UUID customerId) {
        return relationship.personId().equals(customerId) ? relationship.organizationId() : relationship.personId();
    }
}
