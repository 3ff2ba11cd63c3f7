package dev.crmkit.core.ticket;

import dev.crmkit.core.messaging.Message;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.messaging.MessagingModule;
import dev.crmkit.core.messaging.SendMessage;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.module.TenantServices;
import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Acknowledges new tickets by e-mail, for the tenants its {@link AcknowledgementSettings} name: when a
 * {@code ticket.opened} event is relayed, it sends the ticket's contact person (else its customer), at their e-mail
 * address (the primary one, else the first), an e-mail through the messaging domain whose subject carries the ticket's
 * {@link TicketThread thread reference} and whose body lists up to the configured number of published articles the
 * knowledge base suggests for the ticket, and records {@link TicketAcknowledged}.
 *
 * <p><b>Once per ticket.</b> The relay delivers an event at least once; the acknowledgement's record (an idempotency key
 * of scope {@value #SCOPE}, keyed by the ticket) is written in the unit that queues the message and records the event,
 * so a second delivery, on this node or another, finds it and sends nothing. A ticket whose recipient has no e-mail
 * address is not acknowledged (and not later, when one is added). The message goes out as every message does: by the
 * messaging domain's dispatch, under its idempotency key {@code ticket-acknowledgement-<ticketId>}.
 *
 * <p>Needs an {@code EMAIL} channel on the messaging domain: without one, the reaction fails and the relay delivers the
 * event again until one is registered. Requires the ticket, knowledge-base, messaging and customer domains.
 */
public final class TicketAcknowledgementModule implements DomainModule {
    /** The module's name. */
    public static final String NAME = "ticket.acknowledgement";
    /** The idempotency scope of acknowledgements, keyed by ticket id; also the messages' origin code. */
    public static final String SCOPE = "ticket.acknowledgement";

    private final AcknowledgementSettings settings;

    /**
     * The module with these settings.
     *
     * @throws dev.crmkit.model.ValidationException ({@code settings}) when they are null
     */
    public TicketAcknowledgementModule(AcknowledgementSettings settings) {
        this.settings = Checks.required("settings", settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of(TicketModule.NAME, KnowledgeBaseModule.NAME, MessagingModule.NAME, "customer");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(CustomerStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        DomainContext context = setup.context();
        setup.on(TicketOpened.class, (opened, tenant) -> acknowledge(context, opened, tenant));
    }

    private void acknowledge(DomainContext context, TicketOpened opened, TenantServices tenant) {
        if (!settings.acknowledges(opened.tenantId(), opened.channel())) {
            return;
        }
        Storage storage = context.storage();
        String tenantId = opened.tenantId();
        String key = opened.ticketId().toString();
        storage.transactions().run(() -> {
            if (!storage.idempotency().findAll(tenantId, SCOPE, List.of(key)).isEmpty()) {
                return;   // acknowledged already: the event was delivered again
            }
            Ticket ticket = tenant.service(TicketService.class).ticket(opened.ticketId());
            UUID recipientId = ticket.contactPersonId() != null ? ticket.contactPersonId() : ticket.customerId();
            Optional<String> address = emailOf(storage, tenantId, recipientId);
            if (address.isEmpty()) {
                return;
            }
            Instant now = context.now();
            try {
                storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, SCOPE, key, ticket.id(), now)));
            } catch (DuplicateException e) {
                return;   // another node acknowledged it a moment ago
            }
            List<Article> suggested = settings.suggestions() == 0 ? List.of()
                    : tenant.service(KnowledgeBase.class).suggestFor(ticket.id(), settings.suggestions());
            String reference = TicketThread.reference(ticket.id());
            AcknowledgementText.Text text = settings.text().of(ticket, reference, suggested);
            Message message = tenant.service(MessageService.class).send(SendMessage.email(ticket.customerId(),
                    address.get(), "[" + reference + "] " + text.subject(), text.body())
                    .from(SCOPE, ticket.id())
                    .withIdempotencyKey("ticket-acknowledgement-" + ticket.id()));
            context.events().record(new TicketAcknowledged(tenantId, ticket.id(), ticket.customerId(), recipientId,
                    message.id(), suggested.stream().map(Article::id).toList(), now));
        });
    }

    /** The person's primary e-mail address, else the first by id. */
    private static Optional<String> emailOf(Storage storage, String tenantId, UUID customerId) {
        return storage.capability(CustomerStorage.class).orElseThrow().contactPoints().forCustomer(tenantId, customerId)
                .stream().filter(c -> c.kind() == ContactPointKind.EMAIL)
                .min(Comparator.comparing((ContactPointRecord c) -> !c.primary()).thenComparing(ContactPointRecord::id))
                .map(ContactPointRecord::value);
    }
}
