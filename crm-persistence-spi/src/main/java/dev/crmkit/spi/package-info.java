/**
 * The storage contract of CRMKit: what a backend must do to hold a CRM's data.
 *
 * <p>Start at {@link dev.crmkit.spi.Storage}, which hands out one store per record type, the
 * {@link dev.crmkit.spi.TransactionRunner} and the outbox. Every record carries tenant, id, version and
 * timestamps ({@link dev.crmkit.spi.StoredRecord}); updates are optimistic; large reads are keyset
 * {@link dev.crmkit.spi.Page pages}. The package depends on the JDK only, so any storage can implement it;
 * the {@code crm-persistence-tck} suite certifies an implementation.
 */
package dev.crmkit.spi;
