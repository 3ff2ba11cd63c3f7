/**
 * The due-work scheduler: things that fall due at a time (a follow-up task reaching its due date, later an SLA
 * clock running out or a journey step) and the handlers that act on them.
 *
 * <p>Start at {@link dev.crmkit.core.scheduling.DueWorkScheduler}: register a
 * {@link dev.crmkit.core.scheduling.DueWorkHandler} per kind and run it, by hand or on its background thread.
 * Domains schedule work through the storage's {@link dev.crmkit.spi.scheduling.DueWorkStore} in the transaction of
 * the change that made it due. Uses only {@code common}; domains such as {@code touchpoint} depend on it, not the
 * other way round.
 */
package dev.crmkit.core.scheduling;
