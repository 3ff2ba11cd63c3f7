package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.spi.customer.ContactPointKind;
import dev.crmkit.spi.customer.LifecycleStage;
import dev.crmkit.spi.customer.PartyKind;
import dev.crmkit.spi.customfield.CustomFieldValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything that can happen to a customer, in the past tense. Each is written to the outbox in the transaction
 * of the change, with aggregate type {@code customer} and the customer's id; the record's components are the
 * JSON payload. Payloads may carry personal data (it stays in the database); logs and messages never do.
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

    /** A customer was registered, by hand or by an import. */
    record CustomerRegistered(String tenantId, UUID customerId, PartyKind kind, String displayName,
            LifecycleStage lifecycleStage, String externalRef, Instant occurredAt) implements CustomerEvent {
    }

    /** A registration under {@link DuplicatePolicy#WARN} looked like existing customers. */
    record DuplicateSuspected(String tenantId, UUID customerId, List<DuplicateCandidate> candidates,
            Instant occurredAt) implements CustomerEvent {
    }

    /** Names or the external reference changed; the components hold the new values. */
    record CustomerUpdated(String tenantId, UUID customerId, String displayName, String givenName, String familyName,
            String organizationName, String externalRef, Instant occurredAt) implements CustomerEvent {
    }

    /** The customer moved along its lifecycle. */
    record CustomerStageChanged(String tenantId, UUID customerId, LifecycleStage from, LifecycleStage to,
            Instant occurredAt) implements CustomerEvent {
    }

    /** The customer got a new owner, or none ({@code ownerId} null). */
    record CustomerOwnerAssigned(String tenantId, UUID customerId, String previousOwnerId, String ownerId,
            Instant occurredAt) implements CustomerEvent {
    }

    /** A tag was added. */
    record CustomerTagged(String tenantId, UUID customerId, String tag, Instant occurredAt) implements CustomerEvent {
    }

    /** A tag was removed. */
    record CustomerUntagged(String tenantId, UUID customerId, String tag, Instant occurredAt) implements CustomerEvent {
    }

    /** A contact point was added. */
    record ContactPointAdded(String tenantId, UUID customerId, UUID contactPointId, ContactPointKind kind,
            String value, boolean primary, Instant occurredAt) implements CustomerEvent {
    }

    /** A contact point was removed; {@code newPrimaryId} is the point of the same kind promoted in its place, if any. */
    record ContactPointRemoved(String tenantId, UUID customerId, UUID contactPointId, ContactPointKind kind,
            UUID newPrimaryId, Instant occurredAt) implements CustomerEvent {
    }

    /** A contact point became the primary one of its kind. */
    record PrimaryContactPointChanged(String tenantId, UUID customerId, UUID contactPointId, ContactPointKind kind,
            Instant occurredAt) implements CustomerEvent {
    }

    /** A custom field got a value. */
    record CustomFieldValueSet(String tenantId, UUID customerId, String key, CustomFieldValue value,
            Instant occurredAt) implements CustomerEvent {
    }

    /** A custom field lost its value. */
    record CustomFieldValueCleared(String tenantId, UUID customerId, String key, Instant occurredAt)
            implements CustomerEvent {
    }

    /** {@code mergedId} was merged into this survivor by {@code actor}; the merged id now resolves here. */
    record CustomerMerged(String tenantId, UUID customerId, UUID mergedId, Actor actor, int contactPointsMoved,
            int interactionsMoved, int tasksMoved, int relationshipsMoved, int leadsMoved, int opportunitiesMoved,
            Instant occurredAt) implements CustomerEvent {
    }

    /** A person was linked to an organization with a role; the person is the aggregate. */
    record PersonLinkedToOrganization(String tenantId, UUID customerId, UUID relationshipId, UUID organizationId,
            String role, Instant occurredAt) implements CustomerEvent {
    }

    /** A person's role at an organization ended. */
    record PersonUnlinkedFromOrganization(String tenantId, UUID customerId, UUID relationshipId,
            UUID organizationId, String role, Instant occurredAt) implements CustomerEvent {
    }
}
