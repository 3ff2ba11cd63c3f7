package dev.crmkit.core.module;

import dev.crmkit.core.common.DomainEvent;

/**
 * What a domain does when another change has committed: a lead redistribution when a sales rep is deactivated, say.
 * Runs on the outbox relay, at least once, so it must be safe to run twice.
 */
@FunctionalInterface
public interface EventReaction<E extends DomainEvent> {
    /** Reacts to {@code event} with the services of its tenant; throws to have it delivered again later. */
    void react(E event, TenantServices tenant);
}
