package dev.crmkit.core.ticket;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer service tickets of one tenant.
 *
 * <p>Every command is one transaction, joining the caller's when there is one, records its {@link TicketEvent}s in
 * the outbox in it, and writes with the version it read, so a concurrent change makes the second writer fail with a
 * retryable {@link ConflictException} instead of losing the first. Bad input throws a {@link ValidationException}
 * naming the field and changes nothing: the customer must be a live customer of the tenant, a contact person a live
 * person linked to that customer (an organization), an assignee a team member.
 *
 * <p>Lifecycle ({@code TicketAggregate}, drawn in {@code docs/service.md}): a ticket opens {@code NEW}; an agent
 * {@link #start starts} it; it {@link #waitOnCustomer waits on the customer} or {@link #waitOnThirdParty on a third
 * party} and {@link #resume resumes}; it is {@link #resolve resolved} and then {@link #close closed}; a resolved or
 * closed ticket is {@link #reopen reopened} within the tenant's window ({@link TicketSettings}); a duplicate is
 * {@link #merge merged} into another ticket of the same customer and closed. A move the lifecycle does not allow
 * throws an {@link IllegalTransitionException} naming both states and changes nothing. A command on a ticket that does
 * not exist in the tenant throws {@link NotFoundException}.
 */
public interface TicketService {
    /** The scope of {@link #open(OpenTicket, String)}'s idempotency keys in the storage's key store. */
    String OPEN_SCOPE = "ticket.open";

    /** The scope of {@link #replyReceived}'s idempotency keys (the inbound messages' ids). */
    String REPLY_SCOPE = "ticket.reply";

    /** The most characters of an inbound message's id. */
    int MAX_INBOUND_ID = 100;

    /**
     * Opens a ticket in state {@code NEW} and publishes {@link TicketOpened}. Its priority is the one the command
     * gives (an agent's choice), else what the tenant's {@link PriorityRule}s give, combined as {@link PriorityRules}
     * describes; the event records the reason.
     */
    Ticket open(OpenTicket command);

    /**
     * {@link #open(OpenTicket)} for a caller that may retry (a web form posted twice, an e-mail fetched again): with a
     * key (1 to 100 characters) used before in the tenant, returns the ticket that first call opened and changes
     * nothing; a null key opens as {@link #open(OpenTicket)} does.
     *
     * @throws ConflictException when the key opened a ticket of another customer
     */
    Ticket open(OpenTicket command, String idempotencyKey);

    /**
     * Assigns the ticket to a team member of the tenant and publishes {@link TicketAssigned}; assigning it to its
     * assignee changes nothing.
     *
     * @throws ValidationException ({@code assigneeId}) when the tenant has no such team member
     * @throws IllegalTransitionException when the ticket is closed
     */
    Ticket assign(UUID ticketId, UUID assigneeId);

    /**
     * An agent overrides the ticket's priority, in any state but {@code CLOSED}, and publishes
     * {@link TicketPriorityChanged} with the old and new priority, the agent and the reason code; the priority the
     * ticket has already changes nothing.
     *
     * @param ticketId   the ticket
     * @param priority   the new priority
     * @param agentId    the team member overriding it
     * @param reasonCode why, as a code ({@code customer-escalated}): 1 to 50 lower-case letters, digits or '-', from a
     *                   letter; never free text, which could carry personal data
     * @return the ticket as it is now
     * @throws ValidationException ({@code priority}) when it is null; ({@code agentId}) when the tenant has no such
     *     team member; ({@code reasonCode}) when it is not such a code
     * @throws IllegalTransitionException when the ticket is closed, a merged duplicate included
     */
    Ticket changePriority(UUID ticketId, TicketPriority priority, UUID agentId, String reasonCode);

    /** An agent takes up a new ticket: {@code NEW} to {@code OPEN}; publishes {@link TicketStateChanged}. */
    Ticket start(UUID ticketId);

    /** The ticket waits for the customer's answer; publishes {@link TicketStateChanged}. */
    Ticket waitOnCustomer(UUID ticketId);

    /** The ticket waits for a third party; publishes {@link TicketStateChanged}. */
    Ticket waitOnThirdParty(UUID ticketId);

    /** The answer a waiting ticket waited for came: back to {@code OPEN}; publishes {@link TicketStateChanged}. */
    Ticket resume(UUID ticketId);

    /** The ticket is solved; publishes {@link TicketStateChanged}. */
    Ticket resolve(UUID ticketId);

    /** A resolved ticket is done; publishes {@link TicketStateChanged}. */
    Ticket close(UUID ticketId);

    /**
     * Opens a resolved or closed ticket again while the tenant's reopen window since its resolution lasts; a merged
     * duplicate is never reopened. Publishes {@link TicketReopened}.
     */
    Ticket reopen(UUID ticketId);

    /**
     * Merges the duplicate {@code ticketId} into {@code intoTicketId}: the duplicate is closed and remembers the other
     * ticket, which is unchanged. Publishes {@link TicketMerged}.
     *
     * @throws NotFoundException when the duplicate does not exist
     * @throws ValidationException ({@code intoTicketId}) when the other ticket does not exist, is the duplicate
     *     itself, belongs to another customer or is closed
     */
    Ticket merge(UUID ticketId, UUID intoTicketId);

    /**
     * The ticket with this id.
     *
     * @throws NotFoundException when the tenant has no such ticket
     */
    Ticket ticket(UUID ticketId);

    /** One page of the tickets {@code filter} selects, in id order (with time-ordered ids, oldest first). */
    Page<Ticket> tickets(TicketFilter filter, PageRequest page);

    // ---- service levels ------------------------------------------------------------------------------------------

    /**
     * An agent answered the customer publicly on the ticket, in any active state (the state stays): completes the
     * open first-response or next-response milestone. Publishes {@link TicketResponded} and
     * {@link TicketMilestoneCompleted} per milestone completed.
     *
     * @throws ValidationException ({@code agentId}) when the tenant has no such team member
     * @throws IllegalTransitionException when the ticket is resolved or closed
     */
    Ticket respond(UUID ticketId, UUID agentId);

    /**
     * The customer replied on the ticket, in any active state: a ticket waiting on the customer is {@code OPEN} again
     * and its clocks resume; a next-response milestone starts when no response is due. Publishes
     * {@link TicketCustomerReplied} and the milestones' events.
     *
     * @throws IllegalTransitionException when the ticket is resolved or closed
     */
    Ticket customerReplied(UUID ticketId);

    /**
     * The host's inbound side received the customer's reply on a ticket's thread: {@code threadRef} holds the ticket's
     * {@link TicketThread thread reference} (the reply's subject will do), {@code inboundMessageId} is the inbound
     * message's own id (a mail's {@code Message-ID}, the provider's id). An active ticket records
     * {@link #customerReplied the customer's reply}; a resolved or closed ticket is {@link #reopen reopened} while the
     * tenant's window lasts; a reply on a merged duplicate goes to the ticket it was merged into. Idempotent by the
     * inbound message's id: the same id again returns the ticket it reached, as it is now, and changes nothing.
     * CRMKit does not check who sent the reply; the host does, if it must.
     *
     * @throws ValidationException ({@code threadRef}) when it holds no thread reference; ({@code inboundMessageId})
     *     when it is null, blank or longer than {@value #MAX_INBOUND_ID}
     * @throws NotFoundException when the referenced ticket does not exist in the tenant
     * @throws IllegalTransitionException when the ticket was resolved longer ago than the reopen window: the reply is
     *     not recorded and the host opens a new ticket if it wants one (its subject keeps the old reference)
     */
    Ticket replyReceived(String threadRef, String inboundMessageId);

    /**
     * The ticket's milestones now, oldest first, measured on its calendar (its assignee's team's, else the tenant's,
     * else around the clock in UTC); empty when none was started.
     *
     * @throws NotFoundException when the tenant has no such ticket
     */
    List<Milestone> milestones(UUID ticketId);

    /**
     * One page of the tenant's milestones whose clocks run and are due before {@code before}, earliest due first (then
     * by id); the cursor is the last one's due time and id. Escalation walks these.
     *
     * @throws ValidationException ({@code before}, {@code page}) when null
     */
    Page<Milestone> milestonesDueBefore(Instant before, PageRequest page);

    /**
     * Stores the business-hours calendar of a team ({@code teamId}), or with {@code teamId} null the tenant's default,
     * over the version the caller read ({@code 0} for a first calendar), and publishes {@link BusinessCalendarSaved}.
     * It applies to clocks from their next change on. A team's calendar overrides the tenant's for tickets whose
     * assignee is in the team.
     *
     * @return the calendar as stored, at {@code expectedVersion + 1}
     * @throws ValidationException ({@code calendar}) when null; ({@code teamId}) when the tenant has no such team;
     *     ({@code expectedVersion}) when negative; ({@code opens}, {@code closes}) when an hour has seconds
     * @throws ConflictException (retryable) when the stored calendar is not at {@code expectedVersion}; nothing changes
     */
    StoredCalendar saveCalendar(UUID teamId, BusinessCalendar calendar, long expectedVersion);

    /**
     * The stored calendar of the team, or with {@code teamId} null the tenant's default.
     *
     * @throws NotFoundException when none is stored
     */
    StoredCalendar calendar(UUID teamId);

    /**
     * Stores the tenant's SLA policy over the version the caller read ({@code 0} for a first policy) and publishes
     * {@link SlaPolicySaved}. It applies to milestones started or retargeted from then on.
     *
     * @return the policy as stored, at {@code expectedVersion + 1}
     * @throws ValidationException ({@code policy}) when null; ({@code expectedVersion}) when negative
     * @throws ConflictException (retryable) when the stored policy is not at {@code expectedVersion}; nothing changes
     */
    StoredSlaPolicy saveSlaPolicy(SlaPolicy policy, long expectedVersion);

    /**
     * The tenant's stored SLA policy.
     *
     * @throws NotFoundException when none is stored
     */
    StoredSlaPolicy slaPolicy();
}
