package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything that can happen to a customer, in the past tense. Each is written to the outbox in the transaction
 * of the change, with aggregate type {@code customer} and the customer's id; the record's components are the
 * JSON payload. Payloads carry ids, codes and counts, never personal data (no names, contact values or custom field
 * values), since events leave the database.
 */
public sealed interface CustomerEvent extends DomainEvent {
    /** The customer the event is about. */
    UUID customerId();

    @Override
    default String aggregateType() {
        return "customer";
    }

    @Override
    default String aggregateId() {
        return customerId().toString();
    }

    /** A customer was registered, by hand or by an import; {@code externalRef} is the host's reference, if any. */
    @EventType("customer.registered")
    record CustomerRegistered(String tenantId, UUID customerId, PartyKind kind, LifecycleStage lifecycleStage,
            String externalRef, Instant occurredAt) implements CustomerEvent {
    }

    /** A registration under {@link DuplicatePolicy#WARN} looked like existing customers. */
    @EventType("customer.duplicate-suspected")
    record DuplicateSuspected(String tenantId, UUID customerId, List<DuplicateCandidate> candidates,
            Instant occurredAt) implements CustomerEvent {
    }

    /**
     * Names or the external reference changed: {@code changed} names the fields that did ({@code displayName},
     * {@code givenName}, {@code familyName}, {@code organizationName}, {@code externalRef}), in that order, without
     * their values; {@code externalRef} is the host's reference after the change.
     */
    @EventType("customer.updated")
    record CustomerUpdated(String tenantId, UUID customerId, List<String> changed, String externalRef,
            Instant occurredAt) implements CustomerEvent {
    }

    /** The customer moved along its lifecycle. */
    @EventType("customer.stage-changed")
    record CustomerStageChanged(String tenantId, UUID customerId, LifecycleStage from, LifecycleStage to,
            Instant occurredAt) implements CustomerEvent {
    }

    /** The customer got a new owner, or none ({@code ownerId} null). */
    @EventType("customer.owner-assigned")
    record CustomerOwnerAssigned(String tenantId, UUID customerId, UUID previousOwnerId, UUID ownerId,
            Instant occurredAt) implements CustomerEvent {
    }

    /** A tag was added. */
    @EventType("customer.tagged")
    record CustomerTagged(String tenantId, UUID customerId, String tag, Instant occurredAt) implements CustomerEvent {
    }

    /** A tag was removed. */
    @EventType("customer.untagged")
    record CustomerUntagged(String tenantId, UUID customerId, String tag, Instant occurredAt) implements CustomerEvent {
    }

    /** A contact point was added; its value is not part of the event. */
    @EventType("customer.contact-point-added")
    record ContactPointAdded(String tenantId, UUID customerId, UUID contactPointId, ContactPointKind kind,
            boolean primary, Instant occurredAt) implements CustomerEvent {
    }

    /** A contact point was removed; {@code newPrimaryId} is the point of the same kind promoted in its place, if any. */
    @EventType("customer.contact-point-removed")
    record ContactPointRemoved(String tenantId, UUID customerId, UUID contactPointId, ContactPointKind kind,
            UUID newPrimaryId, Instant occurredAt) implements CustomerEvent {
    }

    /** A contact point became the primary one of its kind. */
    @EventType("customer.primary-contact-point-changed")
    record PrimaryContactPointChanged(String tenantId, UUID customerId, UUID contactPointId, ContactPointKind kind,
            Instant occurredAt) implements CustomerEvent {
    }

    /** A custom field got a value; the value is not part of the event (it may be personal, a birthday say). */
    @EventType("customer.custom-field-set")
    record CustomFieldValueSet(String tenantId, UUID customerId, String key, Instant occurredAt)
            implements CustomerEvent {
    }

    /** A custom field lost its value. */
    @EventType("customer.custom-field-cleared")
    record CustomFieldValueCleared(String tenantId, UUID customerId, String key, Instant occurredAt)
            implements CustomerEvent {
    }

    /**
     * {@code mergedId} was merged into this survivor by {@code actor}; the merged id now resolves here. {@code moved}
     * counts the rows each domain moved to the survivor, by kind ({@code contactPoints}, {@code relationships},
     * {@code interactions}, {@code tasks}, {@code leads}, {@code opportunities}, and those of a host's own domains).
     */
    @EventType("customer.merged")
    record CustomerMerged(String tenantId, UUID customerId, UUID mergedId, Actor actor, Map<String, Integer> moved,
            Instant occurredAt) implements CustomerEvent {
        /** Keeps the counts sorted by kind and unmodifiable. */
        public CustomerMerged {
            moved = Collections.unmodifiableMap(new TreeMap<>(moved));
        }
    }

    /** A person was linked to an organization with a role; the person is the aggregate. */
    @EventType("customer.linked-to-organization")
    record PersonLinkedToOrganization(String tenantId, UUID customerId, UUID relationshipId, UUID organizationId,
            String role, Instant occurredAt) implements CustomerEvent {
    }

    /** A person's role at an organization ended. */
    @EventType("customer.unlinked-from-organization")
    record PersonUnlinkedFromOrganization(String tenantId, UUID customerId, UUID relationshipId,
            UUID organizationId, String role, Instant occurredAt) implements CustomerEvent {
    }
}
