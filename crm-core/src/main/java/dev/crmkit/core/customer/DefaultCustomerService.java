package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.RelationshipRecord;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The customer service of one tenant; see {@link CustomerService} for the contract. */
final class DefaultCustomerService implements CustomerService {
    private static final int MAX_MERGE_HOPS = 32;

    private final DomainContext context;
    private final Storage storage;
    private final CustomerStorage customerStorage;
    private final String tenantId;
    private final CustomerSettings settings;
    private final ContactPointNormalizer normalizer;
    private final Supplier<Optional<CustomerOwners>> owners;

    DefaultCustomerService(DomainContext context, String tenantId, CustomerSettings settings,
            Supplier<Optional<CustomerOwners>> owners) {
        this.context = Objects.requireNonNull(context, "context");
        this.storage = context.storage();
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.normalizer = new ContactPointNormalizer(settings.defaultPhoneRegion());
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /** An owner must be someone the tenant's {@link CustomerOwners} knows, when a domain offers that port. */
    private void checkOwner(UUID ownerId) {
        if (ownerId != null && owners.get().map(o -> !o.exists(ownerId)).orElse(false)) {
            throw new ValidationException("ownerId", "names no team member of this tenant");
        }
    }

    @Override
    public RegistrationResult register(RegisterCustomer command) {
        Checks.required("command", command);
        checkOwner(command.ownerId());
        return inTransaction(() -> {
            Instant now = context.now();
            Registration registration = Registration.prepare(tenantId, command, normalizer, customFieldRules(),
                    context.ids(), now);
            MatchProfile profile = registration.profile(settings.matching());
            List<DuplicateCandidate> candidates = settings.duplicatePolicy() == DuplicatePolicy.ALLOW ? List.of()
                    : matcher().candidatesFor(profile);
            if (settings.duplicatePolicy() == DuplicatePolicy.BLOCK && !candidates.isEmpty()
                    && candidates.get(0).score() >= settings.matching().duplicateThreshold()) {
                long duplicates = candidates.stream()
                        .filter(c -> c.score() >= settings.matching().duplicateThreshold()).count();
                throw new NotPermittedException("customer registration blocked: " + duplicates
                        + " likely duplicate(s), best " + candidates.get(0).customerId());
            }
            customerStorage.customers().insert(registration.customer());
            if (!registration.contactPoints().isEmpty()) {
                customerStorage.contactPoints().insertAll(registration.contactPoints());
            }
            customerStorage.matchKeys().replace(tenantId, profile.id(), MatchKeys.of(profile));
            List<CustomerEvent> events = registration.events(now);
            if (!candidates.isEmpty()) {
                events.add(new CustomerEvent.DuplicateSuspected(tenantId, registration.customer().id(), candidates, now));
            }
            context.events().record(events);
            reviews().suspect(registration.customer().id(), candidates, DuplicateSource.REGISTRATION);
            return new RegistrationResult(view(registration.customer()), candidates);
        });
    }

    @Override
    public Customer updateDetails(UpdateDetails command) {
        Checks.required("command", command);
        return change(command.customerId(), (customer, now) -> customer.updateDetails(command, now));
    }

    @Override
    public Customer changeStage(UUID customerId, LifecycleStage stage) {
        Checks.required("stage", stage);
        return change(customerId, (customer, now) -> customer.changeStage(stage, now));
    }

    @Override
    public Customer assignOwner(UUID customerId, UUID ownerId) {
        checkOwner(ownerId);
        return change(customerId, (customer, now) -> customer.assignOwner(ownerId, now));
    }

    @Override
    public Customer tag(UUID customerId, String tag) {
        String stripped = Text.required("tag", tag, 64);
        return change(customerId, (customer, now) -> customer.tag(stripped, now));
    }

    @Override
    public Customer untag(UUID customerId, String tag) {
        String stripped = Text.required("tag", tag, 64);
        return change(customerId, (customer, now) -> customer.untag(stripped, now));
    }

    @Override
    public ContactPoint addContactPoint(UUID customerId, NewContactPoint contactPoint) {
        Checks.id("customerId", customerId);
        ContactPointNormalizer.Normalized n = normalizer.normalize("contactPoint", contactPoint);
        return inTransaction(() -> {
            CustomerRecord customer = locked(customerId);
            List<ContactPointRecord> existing = customerStorage.contactPoints().forCustomer(tenantId, customer.id());
            CustomerAggregate.checkNewValue(existing, n.kind(), n.value());
            boolean primary = CustomerAggregate.isFirstOfKind(existing, n.kind());
            Instant now = context.now();
            ContactPointRecord stored = customerStorage.contactPoints().insert(new ContactPointRecord(tenantId,
                    context.ids().next(), 1, now, now, customer.id(), n.kind(), n.label(), n.value(), n.address(),
                    primary));
            context.events().record(new CustomerEvent.ContactPointAdded(tenantId, customer.id(), stored.id(),
                    stored.kind(), primary, now));
            if (stored.kind() == ContactPointKind.POSTAL) {
                refreshMatchKeys(customer);
            }
            return ContactPoint.of(stored);
        });
    }

    @Override
    public Customer removeContactPoint(UUID customerId, UUID contactPointId) {
        Checks.id("customerId", customerId);
        Checks.id("contactPointId", contactPointId);
        return inTransaction(() -> {
            CustomerRecord customer = locked(customerId);
            ContactPointRecord point = contactPointOf(customer, contactPointId);
            customerStorage.contactPoints().delete(tenantId, point.id(), point.version());
            Instant now = context.now();
            UUID promoted = null;
            if (point.primary()) {
                ContactPointRecord next = CustomerAggregate.successorOf(point,
                        customerStorage.contactPoints().forCustomer(tenantId, customer.id())).orElse(null);
                if (next != null) {
                    customerStorage.contactPoints().update(withPrimary(next, true, now), next.version());
                    promoted = next.id();
                }
            }
            context.events().record(new CustomerEvent.ContactPointRemoved(tenantId, customer.id(), point.id(),
                    point.kind(), promoted, now));
            if (point.kind() == ContactPointKind.POSTAL) {
                refreshMatchKeys(customer);
            }
            return view(customer);
        });
    }

    @Override
    public Customer setPrimaryContactPoint(UUID customerId, UUID contactPointId) {
        Checks.id("customerId", customerId);
        Checks.id("contactPointId", contactPointId);
        return inTransaction(() -> {
            CustomerRecord customer = locked(customerId);
            ContactPointRecord point = contactPointOf(customer, contactPointId);
            if (!point.primary()) {
                Instant now = context.now();
                for (ContactPointRecord other : customerStorage.contactPoints().forCustomer(tenantId, customer.id())) {
                    if (other.kind() == point.kind() && other.primary()) {
                        customerStorage.contactPoints().update(withPrimary(other, false, now), other.version());
                    }
                }
                customerStorage.contactPoints().update(withPrimary(point, true, now), point.version());
                context.events().record(new CustomerEvent.PrimaryContactPointChanged(tenantId, customer.id(),
                        point.id(), point.kind(), now));
            }
            return view(customer);
        });
    }

    @Override
    public Customer setCustomField(UUID customerId, String key, CustomFieldValue value) {
        Checks.id("customerId", customerId);
        return change(customerId, (customer, now) -> customer.setCustomField(key, value, customFieldRules(), now));
    }

    @Override
    public Customer clearCustomField(UUID customerId, String key) {
        Checks.id("customerId", customerId);
        return change(customerId, (customer, now) -> customer.clearCustomField(key, customFieldRules(), now));
    }

    @Override
    public Customer get(UUID customerId) {
        Checks.id("customerId", customerId);
        return inTransaction(() -> view(live(customerId)));
    }

    @Override
    public Page<Customer> find(CustomerCriterion criterion, PageRequest page) {
        Checks.required("criterion", criterion);
        Checks.required("page", page);
        return inTransaction(() -> {
            Page<CustomerRecord> records = customerStorage.customers().find(tenantId, criterion, page);
            Map<UUID, List<ContactPoint>> points = customerStorage.contactPoints()
                    .forCustomers(tenantId, records.items().stream().map(CustomerRecord::id).toList()).stream()
                    .collect(Collectors.groupingBy(ContactPointRecord::customerId,
                            Collectors.mapping(ContactPoint::of, Collectors.toList())));
            return new Page<>(records.items().stream()
                    .map(r -> Customer.of(r, points.getOrDefault(r.id(), List.of()))).toList(), records.next());
        });
    }

    @Override
    public Relationship link(UUID personId, UUID organizationId, String role) {
        Checks.id("personId", personId);
        Checks.id("organizationId", organizationId);
        String roleText = Text.required("role", role, 100);
        return inTransaction(() -> {
            List<CustomerRecord> pair = lockedInOrder(personId, organizationId);
            CustomerRecord person = pair.get(0);
            CustomerRecord organization = pair.get(1);
            if (person.kind() != PartyKind.PERSON) {
                throw new ValidationException("personId", "must name a person");
            }
            if (organization.kind() != PartyKind.ORGANIZATION) {
                throw new ValidationException("organizationId", "must name an organization");
            }
            Instant now = context.now();
            RelationshipRecord stored = customerStorage.relationships().insert(new RelationshipRecord(tenantId,
                    context.ids().next(), 1, now, now, person.id(), organization.id(), roleText));
            context.events().record(new CustomerEvent.PersonLinkedToOrganization(tenantId, person.id(), stored.id(),
                    organization.id(), roleText, now));
            return Relationship.of(stored);
        });
    }

    @Override
    public void unlink(UUID relationshipId) {
        Checks.id("relationshipId", relationshipId);
        inTransaction(() -> {
            UUID personId = relationship(relationshipId).personId();
            locked(personId);
            // read again under the person's lock: a unit that held it may have removed or moved the relationship
            RelationshipRecord relationship = relationship(relationshipId);
            customerStorage.relationships().delete(tenantId, relationshipId, relationship.version());
            context.events().record(new CustomerEvent.PersonUnlinkedFromOrganization(tenantId,
                    relationship.personId(), relationshipId, relationship.organizationId(), relationship.role(),
                    context.now()));
            return null;
        });
    }

    @Override
    public List<Relationship> relationships(UUID customerId) {
        Checks.id("customerId", customerId);
        return inTransaction(() -> customerStorage.relationships().involving(tenantId, live(customerId).id(), 1000).stream()
                .map(Relationship::of).toList());
    }

    @Override
    public List<DuplicateCandidate> findMatches(PartyProfile party) {
        Checks.required("party", party);
        return matcher().candidatesFor(MatchProfile.of(party));
    }

    @Override
    public java.util.Map<UUID, List<DuplicateCandidate>> findMatchesAll(List<PartyProfile> parties) {
        Checks.noNulls("parties", parties);
        if (parties.size() > MAX_PARTIES) {
            throw new dev.crmkit.model.ValidationException("parties", "must hold at most " + MAX_PARTIES + " parties");
        }
        if (parties.stream().map(PartyProfile::id).distinct().count() != parties.size()) {
            throw new dev.crmkit.model.ValidationException("parties", "must not repeat a party id");
        }
        return matcher().candidatesForAll(parties.stream().map(MatchProfile::of).toList());
    }

    @Override
    public MatchSettings matchSettings() {
        return settings.matching();
    }

    @Override
    public MatchWeightEstimate estimateMatchWeights(int sampleCustomers, int maxPairs) {
        Checks.limit("sampleCustomers", sampleCustomers, MAX_SAMPLE_CUSTOMERS);
        Checks.limit("maxPairs", maxPairs, MAX_SAMPLE_PAIRS);
        return new MatchWeightEstimator(storage, tenantId, settings.matching()).estimate(sampleCustomers, maxPairs);
    }

    @Override
    @Deprecated(since = "0.1.0")
    public List<DuplicateGroup> findDuplicateGroups() {
        return new DuplicateGroupFinder(storage, tenantId, settings.matching(), reviews()).find();
    }

    @Override
    public Page<DuplicateGroup> duplicateGroups(PageRequest page) {
        Checks.required("page", page);
        return inTransaction(() -> new QueuedDuplicateGroups(customerStorage.duplicatePairs(), tenantId,
                settings.matching().duplicateThreshold()).page(page));
    }

    @Override
    public Customer merge(UUID survivorId, UUID mergedId, Actor actor) {
        Checks.id("survivorId", survivorId);
        Checks.id("mergedId", mergedId);
        Checks.required("actor", actor);
        return inTransaction(() -> view(mergeLocked(lockedInOrder(survivorId, mergedId), actor)));
    }

    /** Merges the second of two locked live customers into the first, closing the merged one's open pairs. */
    private CustomerRecord mergeLocked(List<CustomerRecord> pair, Actor actor) {
        CustomerRecord survivor = new CustomerMerger(context, tenantId).merge(pair.get(0), pair.get(1), actor);
        customerStorage.matchKeys().replace(tenantId, pair.get(1).id(), Set.of());
        refreshMatchKeys(survivor);
        reviews().afterMerge(survivor.id(), pair.get(1).id(), actor);
        return survivor;
    }

    // --- the review queue of suspected duplicates ---

    @Override
    public Page<DuplicatePair> suspectedDuplicates(UUID customerId, PageRequest page) {
        Checks.required("page", page);
        return inTransaction(() -> reviews().open(customerId == null ? null : live(customerId).id(), page));
    }

    @Override
    public DuplicatePair suspectedDuplicate(UUID pairId) {
        Checks.id("pairId", pairId);
        return inTransaction(() -> DuplicatePair.of(reviews().get(pairId)));
    }

    @Override
    public DuplicatePair dismissDuplicate(UUID pairId, long expectedVersion, String reason, Actor actor) {
        Checks.id("pairId", pairId);
        String why = Text.required("reason", reason, dev.crmkit.spi.customer.DuplicateDecision.MAX_REASON);
        Checks.required("actor", actor);
        return inTransaction(() -> {
            DuplicatePairRecord pair = reviews().expect(pairId, expectedVersion);
            return DuplicatePair.of(reviews().apply(pair,
                    new DuplicatePairReview(pair).dismiss(actor, why, context.now())));
        });
    }

    @Override
    public DuplicatePair reopenDuplicate(UUID pairId, long expectedVersion, Actor actor) {
        Checks.id("pairId", pairId);
        Checks.required("actor", actor);
        return inTransaction(() -> {
            DuplicatePairRecord pair = reviews().expect(pairId, expectedVersion);
            return DuplicatePair.of(reviews().apply(pair, new DuplicatePairReview(pair).reopen(actor, context.now())));
        });
    }

    @Override
    public Customer mergeDuplicate(UUID pairId, long expectedVersion, UUID survivorId, Actor actor) {
        Checks.id("pairId", pairId);
        Checks.id("survivorId", survivorId);
        Checks.required("actor", actor);
        return inTransaction(() -> {
            DuplicatePairRecord seen = reviews().get(pairId);
            if (!seen.involves(survivorId)) {
                throw new ValidationException("survivorId", "must be one of the pair's two customers");
            }
            // the customers' locks first, as every merge takes them, then the pair at the version the reviewer saw
            List<CustomerRecord> customers = lockedInOrder(survivorId, seen.otherThan(survivorId));
            DuplicatePairRecord pair = reviews().expect(pairId, expectedVersion);
            reviews().apply(pair, new DuplicatePairReview(pair).merge(survivorId, actor, context.now()));
            return view(mergeLocked(customers, actor));
        });
    }

    @Override
    public DuplicateJobProgress runDuplicateJob(java.util.function.Predicate<DuplicateJobProgress> afterEachBatch) {
        Checks.required("afterEachBatch", afterEachBatch);
        return new DuplicateJob(context, tenantId, settings.matching(), reviews()).run(afterEachBatch);
    }

    private DuplicateReviews reviews() {
        return new DuplicateReviews(context, tenantId);
    }

    @Override
    public ImportReport importCustomers(Iterator<? extends RegisterCustomer> rows, ImportProgress progress) {
        Checks.required("rows", rows);
        Checks.required("progress", progress);
        return new CustomerImporter(context, tenantId, normalizer, settings.importBatchSize(), settings.matching())
                .run(rows, progress, customFieldRules(), reviews());
    }

    // --- one way to change a customer: load it, call its behaviour, store what it now holds, record its events ---

    /** A behaviour of a customer at a time. */
    private interface Behaviour {
        CustomerChange apply(CustomerAggregate customer, Instant now);
    }

    private Customer change(UUID customerId, Behaviour behaviour) {
        Checks.id("customerId", customerId);
        return inTransaction(() -> {
            CustomerChange change = behaviour.apply(new CustomerAggregate(locked(customerId)), context.now());
            if (!change.changed()) {
                return view(change.before());
            }
            CustomerRecord updated = customerStorage.customers().update(change.after(), change.before().version());
            context.events().record(change.events());
            if (changesMatchKeys(change.before(), updated)) {
                refreshMatchKeys(updated);
            }
            return view(updated);
        });
    }

    private DuplicateMatcher matcher() {
        return new DuplicateMatcher(storage, tenantId, settings.matching());
    }

    /** Whether a change touched what the match keys are made of: names, organization, custom fields. */
    private static boolean changesMatchKeys(CustomerRecord before, CustomerRecord after) {
        return !Objects.equals(before.displayName(), after.displayName())
                || !Objects.equals(before.givenName(), after.givenName())
                || !Objects.equals(before.familyName(), after.familyName())
                || !Objects.equals(before.organizationName(), after.organizationName())
                || !before.customFields().equals(after.customFields());
    }

    /** Writes the match keys of the customer as it is now stored, with its contact points. */
    private void refreshMatchKeys(CustomerRecord customer) {
        MatchProfile profile = MatchProfile.of(customer,
                customerStorage.contactPoints().forCustomer(tenantId, customer.id()), settings.matching());
        customerStorage.matchKeys().replace(tenantId, customer.id(), MatchKeys.of(profile));
    }

    /**
     * The live customer an id names, following merges to the survivor, read after its row lock was taken. Every unit
     * that changes a customer or records its events takes the lock first, before it reads what it checks: a second
     * such unit waits until the first has committed and then reads what it committed, so a rule checked on the
     * customer's contact points holds across units, and the customer's events enter the outbox in the order their
     * units commit (the relay delivers an aggregate's events in outbox order). A merged customer's row is locked on
     * the way to its survivor.
     */
    CustomerRecord locked(UUID customerId) {
        UUID id = customerId;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            try {
                customerStorage.customers().lock(tenantId, id);
            } catch (NotFoundException e) {
                throw new NotFoundException("customer", customerId);
            }
            CustomerRecord record = customerStorage.customers().get(tenantId, id)
                    .orElseThrow(() -> new NotFoundException("customer", customerId));
            if (!record.isMerged()) {
                return record;
            }
            id = record.mergedInto();
        }
        throw new NotFoundException("customer", customerId);
    }

    /**
     * The live customers two ids name, {@linkplain #locked locked}, in the order given; the locks are taken in
     * {@link Ids#ORDER} of the ids, so two units locking the same two customers wait for each other instead of
     * deadlocking.
     */
    private List<CustomerRecord> lockedInOrder(UUID first, UUID second) {
        if (Ids.ORDER.compare(first, second) <= 0) {
            CustomerRecord a = locked(first);
            return List.of(a, locked(second));
        }
        CustomerRecord b = locked(second);
        return List.of(locked(first), b);
    }

    private RelationshipRecord relationship(UUID relationshipId) {
        return customerStorage.relationships().get(tenantId, relationshipId)
                .orElseThrow(() -> new NotFoundException("relationship", relationshipId));
    }

    /** The live customer an id names, following merges to the survivor; for reads, which take no lock. */
    CustomerRecord live(UUID customerId) {
        UUID id = customerId;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            CustomerRecord record = customerStorage.customers().get(tenantId, id)
                    .orElseThrow(() -> new NotFoundException("customer", customerId));
            if (!record.isMerged()) {
                return record;
            }
            id = record.mergedInto();
        }
        throw new NotFoundException("customer", customerId);
    }

    private ContactPointRecord contactPointOf(CustomerRecord customer, UUID contactPointId) {
        return customerStorage.contactPoints().get(tenantId, contactPointId)
                .filter(p -> p.customerId().equals(customer.id()))
                .orElseThrow(() -> new NotFoundException("contact point", contactPointId));
    }

    private Customer view(CustomerRecord record) {
        return Customer.of(record, customerStorage.contactPoints().forCustomer(tenantId, record.id()).stream()
                .map(ContactPoint::of).toList());
    }

    private CustomFieldRules customFieldRules() {
        return new CustomFieldRules(customerStorage.customFieldDefinitions().list(tenantId));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    static ContactPointRecord withPrimary(ContactPointRecord p, boolean primary, Instant now) {
        return new ContactPointRecord(p.tenantId(), p.id(), p.version(), p.createdAt(), now, p.customerId(), p.kind(),
                p.label(), p.value(), p.address(), primary);
    }
}
