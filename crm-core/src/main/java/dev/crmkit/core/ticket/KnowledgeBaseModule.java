package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import java.time.Duration;
import java.util.Set;

/**
 * The knowledge base of customer service as {@code Crm} composes it: offers {@link KnowledgeBase} per tenant and
 * records the {@link ArticleEvent}s. Built on the ticket domain (suggestions read a ticket, deflection counts the
 * tickets customers opened). Registered by default with a deflection window of {@link #DEFAULT_WINDOW}; register
 * {@code new KnowledgeBaseModule(window)} for another.
 */
public final class KnowledgeBaseModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "ticket.knowledge-base";
    /** How long after a view a ticket of the viewer makes it count as escalated rather than deflected, by default. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final Duration window;

    /** The module with the {@link #DEFAULT_WINDOW}. */
    public KnowledgeBaseModule() {
        this(DEFAULT_WINDOW);
    }

    /**
     * The module with this deflection window.
     *
     * @throws ValidationException ({@code window}) when it is null, not positive or longer than 365 days
     */
    public KnowledgeBaseModule(Duration window) {
        Checks.required("window", window);
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(365)) > 0) {
            throw new ValidationException("window", "must be positive and at most 365 days");
        }
        this.window = window;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of(TicketModule.NAME, "customer");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(KnowledgeBaseStorage.class, TicketStorage.class, CustomerStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(ArticleEvent.class);
        setup.service(KnowledgeBase.class, tenant -> new StoredArticles(setup.context(), tenant.tenantId(), window));
    }
}
