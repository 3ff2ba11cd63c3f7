/**
 * Publishing domain events: every change records its events in the transactional outbox (through
 * {@link dev.crmkit.core.module.DomainContext#events()}), and the {@link dev.crmkit.core.event.OutboxRelay} delivers them to
 * the host's {@link dev.crmkit.core.port.EventListener}s at least once, in order per aggregate, from any number of
 * nodes. Start at {@code OutboxRelay}. Uses {@code common} and {@code port}; no domain package.
 */
package dev.crmkit.core.event;
