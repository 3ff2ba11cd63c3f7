/**
 * The shared kernel every domain uses: ids, actors, domain events and the {@link dev.crmkit.core.common.DomainContext}
 * services are built from. The error types live in {@code dev.crmkit.spi} ({@link dev.crmkit.spi.CrmException}
 * and its subtypes), shared by storage and services alike.
 */
package dev.crmkit.core.common;
