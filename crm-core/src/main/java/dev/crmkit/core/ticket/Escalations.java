package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.ticket.MilestoneRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The due work of a tenant's escalations, and the record that a step ran. Each running milestone has a piece of due
 * work ({@value #DUE}) per moment its policy's steps run at, its breach always among them, keyed
 * {@code <milestone id>/<minutes before the due time>}; a milestone that pauses or completes has them cancelled, one
 * whose due time moves has them moved. A moment that ran is recorded as an idempotency key of scope {@value #FIRED}
 * under the same key, in the unit that ran it: that record, not the due work, is what makes each moment run once, so
 * neither a moved due time nor a node taking over work whose lease ran out runs it again.
 */
final class Escalations {
    /** The kind of the due work. */
    static final String DUE = "ticket.escalation-due";
    /** The idempotency scope of the moments that ran. */
    static final String FIRED = "ticket.escalation";

    private final DomainContext context;
    private final String tenantId;
    private final EscalationPolicy policy;

    Escalations(DomainContext context, String tenantId, EscalationPolicy policy) {
        this.context = context;
        this.tenantId = tenantId;
        this.policy = policy;
    }

    /** The policy's steps. */
    EscalationPolicy policy() {
        return policy;
    }

    /**
     * Brings the due work of each milestone in line with it: scheduled at each moment that has not run, while it runs;
     * cancelled once it is paused or completed. Joins the current unit. {@code started}: the milestones were started
     * in this unit, with new ids, so none of their moments can have run and none is looked up.
     */
    void watch(Collection<MilestoneRecord> milestones, boolean started) {
        List<String> runningKeys = new ArrayList<>();
        for (MilestoneRecord m : milestones) {
            List<String> keys = policy.moments(m.kind()).stream().map(d -> key(m.id(), d)).toList();
            if (m.isRunning()) {
                runningKeys.addAll(keys);
            } else {
                keys.forEach(k -> context.storage().dueWork().cancel(tenantId, DUE, k));
            }
        }
        if (runningKeys.isEmpty()) {
            return;
        }
        // one look-up for all of the milestones' moments, and one batch of due work
        Set<String> fired = started ? Set.of() : context.storage().idempotency().findAll(tenantId, FIRED, runningKeys)
                .stream().map(IdempotencyKey::key).collect(Collectors.toSet());
        List<DueWorkRecord> work = new ArrayList<>();
        for (MilestoneRecord m : milestones) {
            if (!m.isRunning()) {
                continue;
            }
            for (Duration before : policy.moments(m.kind())) {
                String key = key(m.id(), before);
                if (!fired.contains(key)) {
                    work.add(DueWorkRecord.of(tenantId, context.ids().next(), DUE, key, m.dueAt().minus(before),
                            m.ticketId().toString()));
                }
            }
        }
        context.storage().dueWork().scheduleAll(work);
    }

    /**
     * Records that the milestone's moment runs now, unless it ran before: the guard of "each step once". Joins the
     * current unit, which must hold the ticket's lock.
     *
     * @return whether it runs now (false: it ran already)
     */
    boolean claim(MilestoneRecord m, Duration before, Instant now) {
        String key = key(m.id(), before);
        if (!context.storage().idempotency().findAll(tenantId, FIRED, List.of(key)).isEmpty()) {
            return false;
        }
        context.storage().idempotency().recordAll(List.of(new IdempotencyKey(tenantId, FIRED, key, m.ticketId(),
                now)));
        return true;
    }

    /** The key of a milestone's moment: its id and the whole minutes before its due time. */
    static String key(UUID milestoneId, Duration before) {
        return milestoneId + "/" + before.toMinutes();
    }

    /** The moment a key names, if it is one. */
    static Optional<Moment> moment(String key, String payload) {
        int slash = key.indexOf('/');
        if (slash < 0 || payload == null) {
            return Optional.empty();
        }
        try {
            long minutes = Long.parseLong(key.substring(slash + 1));
            if (minutes < 0) {
                return Optional.empty();
            }
            return Optional.of(new Moment(UUID.fromString(payload), UUID.fromString(key.substring(0, slash)),
                    Duration.ofMinutes(minutes)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A moment of a milestone: its ticket, the milestone, how long before its due time. */
    record Moment(UUID ticketId, UUID milestoneId, Duration before) {
    }
}
