package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import java.util.Set;

/**
 * The satisfaction surveys of customer service as {@code Crm} composes them: offers {@link SatisfactionSurveys} per
 * tenant and records {@link SurveyAnswered}. Built on the ticket domain (a survey rates a resolved ticket) and the team
 * domain (the assignee's team). Registered by default.
 */
public final class SatisfactionModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "ticket.satisfaction";

    /** The module; it has no settings. */
    public SatisfactionModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of(TicketModule.NAME, "team");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(SatisfactionStorage.class, TicketStorage.class, TeamStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(SurveyAnswered.class);
        setup.service(SatisfactionSurveys.class, tenant -> new StoredSurveys(setup.context(), tenant.tenantId()));
    }
}
