/**
 * Idempotency keys: {@link dev.crmkit.spi.idempotency.IdempotencyStore} keeps the key a caller gave a command it may
 * retry (opening a deal, scheduling a follow-up, a lead submission merged into an existing lead) with the record the
 * command produced, so a retry returns that record instead of doing the work twice. Records that carry their own
 * key (leads, interactions) keep it on the record instead.
 */
package dev.crmkit.spi.idempotency;
