/**
 * How {@code Crm} composes the registered domains: ordering and checking the modules, the domain context they are built
 * from, the event catalogue and the outbox event log, and the reactions the relay dispatches. Not an API: the module
 * descriptor does not export this package, and nothing here is meant to be used by a host.
 */
package dev.crmkit.core.internal;
