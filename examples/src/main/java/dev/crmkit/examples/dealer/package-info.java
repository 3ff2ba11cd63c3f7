/**
 * A car dealer's test drives: a host's own domain, built on CRMKit's public module API exactly as the built-in domains
 * are, without touching crm-core. A customer books a test drive of a vehicle for a time; the day before, a reminder
 * falls due through CRMKit's due-work scheduler; the drive is completed or cancelled; and when two customers are
 * merged, their test drives move to the survivor in the merge's transaction.
 *
 * <p>Start at {@link dev.crmkit.examples.dealer.TestDriveModule}, which contributes the rest: the storage capability
 * ({@link dev.crmkit.examples.dealer.TestDriveStorage}, here in the dealer's own table through
 * {@link dev.crmkit.examples.dealer.JdbcTestDrives}), the tenant service
 * ({@link dev.crmkit.examples.dealer.TestDriveService}), the events and the reminder. {@code docs/architecture.md}
 * walks through these files one by one.
 */
package dev.crmkit.examples.dealer;
