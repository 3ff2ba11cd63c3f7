package dev.crmkit.spi;

import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.RelationshipStore;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.opportunity.OpportunityStore;
import dev.crmkit.spi.opportunity.PipelineStore;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import dev.crmkit.spi.team.TeamMemberStore;
import dev.crmkit.spi.team.TeamStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;

/**
 * One storage backend: the stores of every record type, the transaction runner that groups their calls,
 * the transactional outbox and the due-work queue. This is the whole contract an adapter implements; the
 * {@code crm-persistence-tck} suite checks it.
 *
 * <p>Implementations are thread-safe and stateless between calls apart from their connections, so several
 * application nodes may share one database through their own {@code Storage} instances.
 */
public interface Storage {
    /** Customers: persons and organizations. */
    CustomerStore customers();

    /** E-mail addresses, phone numbers and postal addresses of customers. */
    ContactPointStore contactPoints();

    /** Person-organization relationships with a role. */
    RelationshipStore relationships();

    /** The custom fields each tenant defines. */
    CustomFieldDefinitionStore customFieldDefinitions();

    /** Interactions (touch points) on every channel. */
    InteractionStore interactions();

    /** Follow-up tasks. */
    TaskStore tasks();

    /** Sales reps, service agents and managers. */
    TeamMemberStore teamMembers();

    /** Teams of members. */
    TeamStore teams();

    /** Leads from capture to conversion, and the state of their distribution. */
    LeadStore leads();

    /** Sales pipelines and their stages. */
    PipelineStore pipelines();

    /** Opportunities, their stage history and the sales reports over them. */
    OpportunityStore opportunities();

    /** Domain events written in the same unit as the change that caused them. */
    OutboxStore outbox();

    /** Work that falls due at a time, claimed with leases by any node. */
    DueWorkStore dueWork();

    /** The idempotency keys of commands a caller may retry. */
    IdempotencyStore idempotency();

    /** Groups store calls into units that commit together. */
    TransactionRunner transactions();
}
