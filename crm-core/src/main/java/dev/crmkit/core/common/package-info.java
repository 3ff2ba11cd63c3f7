/**
 * The shared kernel every domain uses: ids ({@link dev.crmkit.core.common.IdGenerator}), actors, money, and
 * {@link dev.crmkit.core.common.DomainEvent domain events} with their stable {@link dev.crmkit.core.common.EventType
 * type names}. What a domain's services are built from is the {@link dev.crmkit.core.module.DomainContext}. The error
 * types live in {@code dev.crmkit.spi} ({@link dev.crmkit.model.CrmException} and its subtypes), shared by storage and
 * services alike.
 */
package dev.crmkit.core.common;
