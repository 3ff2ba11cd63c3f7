package dev.crmkit.core.lead;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns due work of kind {@link LeadService#FIRST_CONTACT_DUE} into a {@link LeadFirstContactOverdue} alert. */
final class FirstContactDueHandler implements DueWorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FirstContactDueHandler.class);

    private final DomainContext context;

    FirstContactDueHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public void handle(DueWork work) {
        UUID leadId;
        try {
            leadId = UUID.fromString(work.key());
        } catch (IllegalArgumentException e) {
            LOG.warn("Due work {} of kind {} has a key that is no lead id; dropping it", work.id(), work.kind());
            return;
        }
        context.storage().transactions().run(() -> {
            Instant now = context.now();
            LeadStore leads = context.storage(LeadStorage.class).leads();
            // The lead's lock before the read: a unit contacting the lead commits first and this one then reads the
            // contact, or waits until the alert is recorded, so an alert never follows the contact in the lead's events.
            try {
                leads.lock(work.tenantId(), leadId);
            } catch (NotFoundException e) {
                return;
            }
            // Stale work (the lead was contacted or closed meanwhile, or a dead node held it) raises nothing.
            Optional<LeadRecord> lead = leads.get(work.tenantId(), leadId);
            lead.flatMap(l -> new LeadAggregate(l).firstContactOverdue(now)).ifPresent(context.events()::record);
        });
    }
}
