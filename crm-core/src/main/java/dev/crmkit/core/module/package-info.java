/**
 * Domains as modules: how a domain plugs into {@code Crm} without editing it. A {@link dev.crmkit.core.module.DomainModule}
 * declares the storage capabilities and domains it needs and installs, through a
 * {@link dev.crmkit.core.module.DomainSetup}, its tenant-scoped services, due-work handlers, event types and reactions,
 * and its {@link dev.crmkit.core.module.CustomerDataPart part in a customer's data}. Its code is built from a
 * {@link dev.crmkit.core.module.DomainContext}. CRMKit's own domains use exactly this API, and so does a host's or an
 * ISV's own domain; {@code docs/architecture.md} walks through adding one.
 *
 * <p>Start at {@code DomainModule}. Uses {@code common} and {@code scheduling}; names no domain.
 */
package dev.crmkit.core.module;
