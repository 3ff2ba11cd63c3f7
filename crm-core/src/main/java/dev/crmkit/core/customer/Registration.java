package dev.crmkit.core.customer;

import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A registration command turned into the records to store: validated, contact points normalized, the first of
 * each kind primary, the name key computed. Shared by single registration and bulk import.
 */
record Registration(CustomerRecord customer, List<ContactPointRecord> contactPoints) {

    static Registration prepare(String tenantId, RegisterCustomer command, ContactPointNormalizer normalizer,
            CustomFieldRules customFieldRules, IdGenerator ids, Instant now) {
        Checks.required("command", command);
        UUID id = ids.next();
        List<ContactPointRecord> points = new ArrayList<>();
        Set<ContactPointKind> kindsSeen = EnumSet.noneOf(ContactPointKind.class);
        Set<String> valuesSeen = new HashSet<>();
        for (int i = 0; i < command.contactPoints().size(); i++) {
            String path = "contactPoints[" + i + "]";
            ContactPointNormalizer.Normalized n = normalizer.normalize(path, command.contactPoints().get(i));
            if (!valuesSeen.add(n.kind() + ":" + n.value())) {
                throw new ValidationException(path + ".value", "repeats an earlier contact point");
            }
            points.add(new ContactPointRecord(tenantId, ids.next(), 1, now, now, id, n.kind(), n.label(), n.value(),
                    n.address(), kindsSeen.add(n.kind())));
        }
        customFieldRules.checkAll(command.customFields());
        String nameKey = NameKeys.nameKey(command.kind(), command.displayName(), command.givenName(),
                command.familyName(), command.organizationName());
        CustomerRecord customer = new CustomerRecord(tenantId, id, 1, now, now, command.kind(),
                command.displayName(), command.givenName(), command.familyName(), command.organizationName(), nameKey,
                command.externalRef(), command.lifecycleStage(), command.ownerId(), command.tags(),
                command.customFields(), null);
        return new Registration(customer, List.copyOf(points));
    }

    MatchProfile profile(MatchSettings settings) {
        return MatchProfile.of(customer, contactPoints, settings);
    }

    List<CustomerEvent> events(Instant now) {
        List<CustomerEvent> events = new ArrayList<>();
        events.add(new CustomerEvent.CustomerRegistered(customer.tenantId(), customer.id(), customer.kind(),
                customer.lifecycleStage(), customer.externalRef(), now));
        for (ContactPointRecord p : contactPoints) {
            events.add(new CustomerEvent.ContactPointAdded(p.tenantId(), customer.id(), p.id(), p.kind(),
                    p.primary(), now));
        }
        return events;
    }
}
