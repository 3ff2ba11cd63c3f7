package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a milestone's escalation moment when its due work ({@link Escalations#DUE}) falls due: records the breach at
 * the due time and runs the policy's steps for the moment ({@code StoredTickets.escalate}).
 *
 * <p>It runs its own unit rather than the scheduler's ({@code runsInUnit} false): what keeps a moment from running
 * twice is the moment's own record ({@link Escalations#claim}), written in that unit under the ticket's lock, so it
 * holds however the work reaches a node (a lease that ran out, work moved meanwhile). The unit never reschedules the
 * work it runs (a moment that ran is never scheduled again), so the scheduler completes it afterwards.
 */
final class EscalationDueHandler implements DueWorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationDueHandler.class);

    private final DomainContext context;
    private final TicketSettings settings;
    private final EscalationSettings escalation;

    EscalationDueHandler(DomainContext context, TicketSettings settings, EscalationSettings escalation) {
        this.context = context;
        this.settings = settings;
        this.escalation = escalation;
    }

    @Override
    public boolean runsInUnit() {
        return false;
    }

    @Override
    public void handle(DueWork work) {
        Optional<Escalations.Moment> moment = Escalations.moment(work.key(), work.payload());
        if (moment.isEmpty()) {
            LOG.warn("Due work {} of kind {} names no milestone moment; dropping it", work.id(), work.kind());
            return;
        }
        Escalations.Moment m = moment.get();
        new StoredTickets(context, work.tenantId(), settings, escalation).escalate(m.ticketId(), m.milestoneId(),
                m.before());
    }
}
