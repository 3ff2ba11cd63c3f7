package dev.crmkit.core.customer;

import static dev.crmkit.model.customer.LifecycleStage.CUSTOMER;
import static dev.crmkit.model.customer.LifecycleStage.FORMER_CUSTOMER;
import static dev.crmkit.model.customer.LifecycleStage.PROSPECT;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A customer's profile and its rules, in one place. Its state is the stored {@link CustomerRecord}, wrapped, not
 * copied; each behaviour checks its preconditions, then returns a {@link CustomerChange}: the record the customer now
 * holds and the events the change caused (none when it changed nothing). It reads and writes nothing:
 * {@code DefaultCustomerService} loads it (following merges to the survivor), calls one behaviour, stores the record
 * and records the events, in one transaction. A customer comes into being through {@link Registration}, shared by
 * registration and import.
 *
 * <p>Its lifecycle:
 *
 * <pre>
 *   register --&gt; PROSPECT --buys--&gt; CUSTOMER --relationship ends--&gt; FORMER_CUSTOMER
 *                                      ^                                  |
 *                                      +------------ buys again ----------+   (win-back)
 * </pre>
 *
 * <ul>
 *   <li>A former customer never becomes a prospect again, and nothing moves to the stage it is in.</li>
 *   <li>The name key the duplicate rules match on is derived from the names on every change.</li>
 *   <li>Details, owner, tags and custom fields change only when the new value differs; an unchanged value records
 *       nothing.</li>
 *   <li>A custom field takes only a value its tenant's definition allows; a required one cannot be cleared.</li>
 *   <li>Merging: the survivor keeps its id, stage and details, and gains the other's tags, the custom field values
 *       and owner it lacks, and its organization name if it has none; the merged customer points at the survivor.</li>
 *   <li>Contact points are records of their own: the first of a kind is primary, a value is never there twice, and
 *       removing a primary promotes the next of its kind ({@link #isFirstOfKind}, {@link #checkNewValue},
 *       {@link #successorOf}).</li>
 * </ul>
 */
final class CustomerAggregate {
    private static final Map<LifecycleStage, Set<LifecycleStage>> ALLOWED = new EnumMap<>(Map.of(
            PROSPECT, Set.of(CUSTOMER),
            CUSTOMER, Set.of(FORMER_CUSTOMER),
            FORMER_CUSTOMER, Set.of(CUSTOMER)));
    /** The details {@link CustomerEvent.CustomerUpdated} names when they change, in its order. */
    private static final List<String> DETAIL_FIELDS = List.of("displayName", "givenName", "familyName",
            "organizationName", "externalRef");

    private final CustomerRecord customer;

    CustomerAggregate(CustomerRecord customer) {
        this.customer = customer;
    }

    /** The record the customer holds. */
    CustomerRecord record() {
        return customer;
    }

    /**
     * Changes the names or the external reference: a null part stays, an empty one clears an optional detail.
     * Records {@link CustomerEvent.CustomerUpdated} naming the details that changed.
     */
    CustomerChange updateDetails(UpdateDetails command, Instant now) {
        List<String> before = details(customer.displayName(), customer.givenName(), customer.familyName(),
                customer.organizationName(), customer.externalRef());
        String displayName = command.displayName() != null ? command.displayName() : customer.displayName();
        String givenName = part(command.givenName(), customer.givenName());
        String familyName = part(command.familyName(), customer.familyName());
        String organizationName = part(command.organizationName(), customer.organizationName());
        String externalRef = part(command.externalRef(), customer.externalRef());
        List<String> after = details(displayName, givenName, familyName, organizationName, externalRef);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < DETAIL_FIELDS.size(); i++) {
            if (!Objects.equals(before.get(i), after.get(i))) {
                changed.add(DETAIL_FIELDS.get(i));
            }
        }
        if (changed.isEmpty()) {
            return CustomerChange.none(customer);
        }
        return change(rebuilt(displayName, givenName, familyName, organizationName, externalRef,
                customer.lifecycleStage(), customer.ownerId(), customer.tags(), customer.customFields(),
                customer.mergedInto(), now), new CustomerEvent.CustomerUpdated(customer.tenantId(), customer.id(),
                        changed, externalRef, now));
    }

    /**
     * Moves the customer along its lifecycle. Records {@link CustomerEvent.CustomerStageChanged}.
     *
     * @throws IllegalTransitionException naming both stages when the lifecycle does not connect them
     */
    CustomerChange changeStage(LifecycleStage to, Instant now) {
        LifecycleStage from = customer.lifecycleStage();
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalTransitionException("customer", from, to);
        }
        return change(with(to, customer.ownerId(), customer.tags(), customer.customFields(), now),
                new CustomerEvent.CustomerStageChanged(customer.tenantId(), customer.id(), from, to, now));
    }

    /** Gives the customer another owner (null: none). Records {@link CustomerEvent.CustomerOwnerAssigned}. */
    CustomerChange assignOwner(UUID ownerId, Instant now) {
        if (Objects.equals(customer.ownerId(), ownerId)) {
            return CustomerChange.none(customer);
        }
        return change(with(customer.lifecycleStage(), ownerId, customer.tags(), customer.customFields(), now),
                new CustomerEvent.CustomerOwnerAssigned(customer.tenantId(), customer.id(), customer.ownerId(),
                        ownerId, now));
    }

    /** Adds a tag. Records {@link CustomerEvent.CustomerTagged}; a tag the customer has changes nothing. */
    CustomerChange tag(String tag, Instant now) {
        Set<String> tags = new TreeSet<>(customer.tags());
        if (!tags.add(tag)) {
            return CustomerChange.none(customer);
        }
        return change(with(customer.lifecycleStage(), customer.ownerId(), tags, customer.customFields(), now),
                new CustomerEvent.CustomerTagged(customer.tenantId(), customer.id(), tag, now));
    }

    /** Removes a tag. Records {@link CustomerEvent.CustomerUntagged}; a tag the customer lacks changes nothing. */
    CustomerChange untag(String tag, Instant now) {
        Set<String> tags = new TreeSet<>(customer.tags());
        if (!tags.remove(tag)) {
            return CustomerChange.none(customer);
        }
        return change(with(customer.lifecycleStage(), customer.ownerId(), tags, customer.customFields(), now),
                new CustomerEvent.CustomerUntagged(customer.tenantId(), customer.id(), tag, now));
    }

    /**
     * Sets a custom field to a value the tenant's definitions allow. Records
     * {@link CustomerEvent.CustomFieldValueSet}; the value it has changes nothing.
     *
     * @throws ValidationException ({@code customFields.<key>}) when the field is not defined or the value's type is
     *     not the field's
     */
    CustomerChange setCustomField(String key, CustomFieldValue value, CustomFieldRules rules, Instant now) {
        rules.checkValue(key, value);
        Map<String, CustomFieldValue> fields = new TreeMap<>(customer.customFields());
        if (value.equals(fields.put(key, value))) {
            return CustomerChange.none(customer);
        }
        return change(with(customer.lifecycleStage(), customer.ownerId(), customer.tags(), fields, now),
                new CustomerEvent.CustomFieldValueSet(customer.tenantId(), customer.id(), key, now));
    }

    /**
     * Clears a custom field. Records {@link CustomerEvent.CustomFieldValueCleared}; a field without a value changes
     * nothing.
     *
     * @throws ValidationException ({@code customFields.<key>}) when the field is required
     */
    CustomerChange clearCustomField(String key, CustomFieldRules rules, Instant now) {
        rules.checkClear(key);
        Map<String, CustomFieldValue> fields = new TreeMap<>(customer.customFields());
        if (fields.remove(key) == null) {
            return CustomerChange.none(customer);
        }
        return change(with(customer.lifecycleStage(), customer.ownerId(), customer.tags(), fields, now),
                new CustomerEvent.CustomFieldValueCleared(customer.tenantId(), customer.id(), key, now));
    }

    // ---- merging ---------------------------------------------------------------------------------------------

    /**
     * This customer as the survivor of a merge with {@code merged}: it keeps its id, stage and details, and gains the
     * other's tags, the custom field values and owner it lacks, and the organization name if it has none. The
     * merge's event ({@link CustomerEvent.CustomerMerged}) is the merger's, which knows what every domain moved.
     *
     * @throws ValidationException ({@code mergedId}) when {@code merged} is this customer; ({@code tags},
     *     {@code customFields}) when the survivor would carry more than a customer may
     */
    CustomerRecord absorb(CustomerRecord merged, Instant now) {
        if (customer.id().equals(merged.id())) {
            throw new ValidationException("mergedId", "must name another customer than survivorId");
        }
        Set<String> tags = new TreeSet<>(customer.tags());
        tags.addAll(merged.tags());
        Map<String, CustomFieldValue> fields = new TreeMap<>(customer.customFields());
        merged.customFields().forEach(fields::putIfAbsent);
        return rebuilt(customer.displayName(), customer.givenName(), customer.familyName(),
                customer.organizationName() != null ? customer.organizationName() : merged.organizationName(),
                customer.externalRef(), customer.lifecycleStage(),
                customer.ownerId() != null ? customer.ownerId() : merged.ownerId(), tags, fields,
                customer.mergedInto(), now);
    }

    /** This customer merged into the survivor: it stays stored, pointing at it, so its id still resolves. */
    CustomerRecord mergedInto(UUID survivorId, Instant now) {
        return rebuilt(customer.displayName(), customer.givenName(), customer.familyName(),
                customer.organizationName(), customer.externalRef(), customer.lifecycleStage(), customer.ownerId(),
                customer.tags(), customer.customFields(), survivorId, now);
    }

    // ---- contact points --------------------------------------------------------------------------------------

    /** Whether a new contact point of {@code kind} is the first of its kind, and so the primary one. */
    static boolean isFirstOfKind(List<ContactPointRecord> existing, ContactPointKind kind) {
        return existing.stream().noneMatch(p -> p.kind() == kind);
    }

    /**
     * Refuses a value the customer has already.
     *
     * @throws ValidationException ({@code contactPoint.value}) when a contact point of the kind has the value
     */
    static void checkNewValue(List<ContactPointRecord> existing, ContactPointKind kind, String value) {
        if (existing.stream().anyMatch(p -> p.kind() == kind && p.value().equals(value))) {
            throw new ValidationException("contactPoint.value", "is already a contact point of this customer");
        }
    }

    /** The contact point promoted when {@code removed} goes: for a primary one, the first remaining of its kind. */
    static Optional<ContactPointRecord> successorOf(ContactPointRecord removed, List<ContactPointRecord> remaining) {
        if (!removed.primary()) {
            return Optional.empty();
        }
        return remaining.stream().filter(p -> p.kind() == removed.kind() && !p.id().equals(removed.id())).findFirst();
    }

    // ---- the record ------------------------------------------------------------------------------------------

    private CustomerChange change(CustomerRecord changed, CustomerEvent event) {
        return new CustomerChange(customer, changed, List.of(event));
    }

    private CustomerRecord with(LifecycleStage stage, UUID ownerId, Set<String> tags,
            Map<String, CustomFieldValue> customFields, Instant now) {
        return rebuilt(customer.displayName(), customer.givenName(), customer.familyName(),
                customer.organizationName(), customer.externalRef(), stage, ownerId, tags, customFields,
                customer.mergedInto(), now);
    }

    /** The record with these parts, changed now; the name key derived from the names, as on registration. */
    private CustomerRecord rebuilt(String displayName, String givenName, String familyName, String organizationName,
            String externalRef, LifecycleStage stage, UUID ownerId, Set<String> tags,
            Map<String, CustomFieldValue> customFields, UUID mergedInto, Instant now) {
        String nameKey = NameKeys.nameKey(customer.kind(), displayName, givenName, familyName, organizationName);
        return new CustomerRecord(customer.tenantId(), customer.id(), customer.version(), customer.createdAt(), now,
                customer.kind(), displayName, givenName, familyName, organizationName, nameKey, externalRef, stage,
                ownerId, tags, customFields, mergedInto);
    }

    private static List<String> details(String... values) {
        return java.util.Arrays.asList(values);
    }

    /** A detail after a change: null keeps the stored value, empty clears it, anything else replaces it. */
    private static String part(String changed, String stored) {
        if (changed == null) {
            return stored;
        }
        return changed.isEmpty() ? null : changed;
    }
}
