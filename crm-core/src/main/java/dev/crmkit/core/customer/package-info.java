/**
 * Customers: the persons and organizations a company sells to and serves, with their contact points,
 * tags, custom field values, owner, lifecycle stage (prospect, customer, former customer) and the
 * relationships between persons and organizations.
 *
 * <p>Start at {@link dev.crmkit.core.customer.CustomerService}, reached through
 * {@code Crm.tenant(id).service(CustomerService.class)}. Registration normalizes contact points (e-mail, E.164 phone, postal
 * address) and checks for duplicates under the tenant's {@link dev.crmkit.core.customer.DuplicatePolicy};
 * duplicates found later are {@link dev.crmkit.core.customer.CustomerService#duplicateGroups grouped}
 * and {@link dev.crmkit.core.customer.CustomerService#merge merged}; the bulk duplicate job
 * ({@link dev.crmkit.core.customer.CustomerService#runDuplicateJob}, in {@code DuplicateJob}) compares a whole
 * tenant block by block, resumably. Suspected pairs wait in a review queue
 * ({@link dev.crmkit.core.customer.CustomerService#suspectedDuplicates}) where a reviewer merges or dismisses them;
 * a pair's life is in {@code DuplicatePairReview} and its events are {@link dev.crmkit.core.customer.DuplicatePairEvent}s.
 * Matching compares fields at {@link dev.crmkit.core.customer.MatchLevel levels} whose
 * {@link dev.crmkit.core.customer.MatchWeights weights} a host sets per tenant or
 * {@link dev.crmkit.core.customer.CustomerService#estimateMatchWeights estimates} from the tenant's customers.
 * Every change records a
 * {@link dev.crmkit.core.customer.CustomerEvent} in the outbox. A customer's rules (its lifecycle, what each change
 * does, what a merge gives the survivor) are in {@code CustomerAggregate}.
 *
 * <p>Uses {@code common} and the storage SPI only (custom field definitions are read from the SPI store);
 * merging moves touch points through the SPI's interaction and task stores, never through the touch-point
 * domain's services.
 */
package dev.crmkit.core.customer;
