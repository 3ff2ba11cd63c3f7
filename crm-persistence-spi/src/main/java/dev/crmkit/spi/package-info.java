/**
 * The storage contract of CRMKit: what a backend must do to hold a CRM's data.
 *
 * <p>Start at {@link dev.crmkit.spi.Storage}: a required core (the {@link dev.crmkit.spi.TransactionRunner}, the
 * outbox, due work and idempotency keys) and one {@link dev.crmkit.spi.StorageCapability} per domain, which an
 * adapter offers or not (customers, touch points, team, leads, opportunities, ...). Every record carries tenant, id, version and
 * timestamps ({@link dev.crmkit.spi.StoredRecord}); updates are optimistic; large reads are keyset
 * {@link dev.crmkit.model.Page pages}. The package depends on the JDK only, so any storage can implement it;
 * the {@code crm-persistence-tck} suite certifies an implementation.
 */
package dev.crmkit.spi;

import dev.crmkit.model.Page;
