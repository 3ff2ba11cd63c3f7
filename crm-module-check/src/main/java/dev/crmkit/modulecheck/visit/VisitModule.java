package dev.crmkit.modulecheck.visit;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import java.util.Set;
import java.util.UUID;

/** The store-visit domain: one service that books a visit and records {@link VisitBooked}. */
public final class VisitModule implements DomainModule {
    /** A module with no settings. */
    public VisitModule() {
    }

    @Override
    public String name() {
        return "store.visit";
    }

    @Override
    public Set<String> requires() {
        return Set.of("customer");
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(VisitBooked.class);
        DomainContext context = setup.context();
        setup.service(Visits.class, tenant -> customerId -> context.storage().transactions().inTransaction(() -> {
            UUID visitId = context.ids().next();
            context.events().record(new VisitBooked(tenant.tenantId(), visitId, customerId, context.now()));
            return visitId;
        }));
    }

    /** Books store visits for one tenant. */
    public interface Visits {
        /**
         * Books a visit for the customer and records {@link VisitBooked}.
         *
         * @param customerId the customer
         * @return the visit's id
         */
        UUID book(UUID customerId);
    }
}
