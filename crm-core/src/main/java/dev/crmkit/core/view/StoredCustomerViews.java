package dev.crmkit.core.view;

import dev.crmkit.core.common.CoreContext;
import dev.crmkit.core.common.MergeChain;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.spi.Checks;
import dev.crmkit.spi.Page;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TimelineFilter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

final class StoredCustomerViews implements CustomerViewService {
    private final Storage storage;
    private final String tenantId;

    StoredCustomerViews(CoreContext context, String tenantId) {
        this.storage = context.storage();
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
            CustomerRecord customer = MergeChain.survivor(storage.customers(), tenantId, customerId);
            UUID id = customer.id();
            List<CustomerView.ContactPoint> contactPoints = storage.contactPoints().forCustomer(tenantId, id).stream()
                    .map(CustomerView.ContactPoint::of).toList();
            List<CustomerView.Relationship> relationships = relationships(id);
            Page<TaskRecord> open = storage.tasks().openForCustomer(tenantId, id,
                    PageRequest.first(MAX_OPEN_FOLLOW_UPS));
            List<CustomerView.ChannelContact> channels = storage.interactions().activityByChannel(tenantId, id)
                    .stream().map(CustomerView.ChannelContact::of).toList();
            List<CustomerView.Origin> origins = storage.leads().convertedInto(tenantId, id, MAX_ORIGINS).stream()
                    .map(CustomerView.Origin::of).toList();
            Page<InteractionRecord> timeline = storage.interactions()
                    .timeline(tenantId, id, TimelineFilter.everything(), timelinePage);
            return new CustomerView(CustomerView.Profile.of(customer), contactPoints, relationships,
                    open.items().stream().map(FollowUp::of).toList(), open.hasNext(), channels, origins,
                    new Page<>(timeline.items().stream().map(Interaction::of).toList(), timeline.next()));
        });
    }

    /** The customer's relationships with the other party's name, read for all parties in one call. */
    private List<CustomerView.Relationship> relationships(UUID customerId) {
        List<RelationshipRecord> records = storage.relationships().involving(tenantId, customerId, MAX_RELATIONSHIPS);
        if (records.isEmpty()) {
            return List.of();
        }
        List<UUID> counterpartIds = records.stream().map(r -> counterpart(r, customerId)).distinct().toList();
        Map<UUID, String> names = storage.customers().getAll(tenantId, counterpartIds).stream()
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
