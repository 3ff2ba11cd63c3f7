package dev.crmkit.core.module;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.ValidationException;

/**
 * What a {@link DomainModule} contributes while {@code Crm} is built. Every registration is checked at once and
 * rejected with a {@link ValidationException} naming what clashes (a service type, due-work kind or event type
 * another domain registered already) or is malformed.
 */
public interface DomainSetup {
    /** What the domain's services and handlers are built from: storage, clock, ids, the event log. */
    DomainContext context();

    /**
     * Offers a service per tenant: {@code factory} makes the instance for one tenant the first time a tenant handle
     * is asked for {@code type}. Services are usually the domain's public service interface, but any type other
     * domains should reach per tenant will do.
     *
     * @throws ValidationException ({@code type}) when another domain offers the type already
     */
    <S> void service(Class<S> type, TenantServiceFactory<S> factory);

    /**
     * Handles one kind of due work for every tenant, on whichever node's scheduler claims it. Kinds are named after
     * the domain ({@code lead.first-contact-due}).
     *
     * @throws ValidationException ({@code kind}) when another domain handles the kind already
     */
    void dueWork(String kind, DueWorkHandler handler);

    /**
     * Registers event types: {@code type} itself when it is a record, or every record a sealed interface permits
     * (through sealed sub-interfaces too), each annotated with {@link dev.crmkit.core.common.EventType}. Only
     * registered events can be recorded, and the registered ones form the catalogue {@code docs/events.md} lists.
     *
     * @throws ValidationException ({@code events}) when a record lacks the annotation, or its type name is taken
     */
    void events(Class<? extends DomainEvent> type);

    /**
     * Reacts to an event after the change that recorded it committed: the outbox relay decodes events of the type
     * into {@code type} and calls {@code reaction} with the services of the event's tenant, at least once and in
     * order per aggregate; a reaction that throws has the event delivered again later. The event type may belong to
     * any registered domain.
     */
    <E extends DomainEvent> void on(Class<E> type, EventReaction<E> reaction);

    /** Takes part in merging customers (and, later, in exporting and erasing a person's data). */
    void customerDataPart(CustomerDataPart part);
}
