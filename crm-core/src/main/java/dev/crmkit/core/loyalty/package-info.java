/**
 * Loyalty: what customers buy and return, reported by the host as facts (an order with its lines, returns against
 * it), and what that adds up to per customer: recency, frequency and monetary value; programmes with their accrual
 * rules; programme memberships with their append-only points ledgers, whose cached balances always equal the ledgers'
 * sums and never go below zero; and what recorded purchases earn members, pending until the return window passes and
 * taken back by returns.
 *
 * <p>Start at {@link dev.crmkit.core.loyalty.PurchaseService} and {@link dev.crmkit.core.loyalty.LoyaltyService}; an
 * order's rules, its returns included, are in {@code PurchaseAggregate}, a membership's (its lifecycle and every
 * posting) in {@code MembershipAggregate}, a programme's in {@code ProgrammeAggregate} and how its rules turn lines
 * into points in {@code Earning}, what a purchase earned a member and a return takes back in {@code AccrualAggregate}
 * (stored by {@code PurchaseAccruals} in the purchase's or the return's unit), the wiring in {@link dev.crmkit.core.loyalty.LoyaltyModule}. Its events are
 * the records implementing {@link dev.crmkit.core.loyalty.PurchaseEvent},
 * {@link dev.crmkit.core.loyalty.ProgrammeEvent}, {@link dev.crmkit.core.loyalty.MembershipEvent} and
 * {@link dev.crmkit.core.loyalty.AccrualEvent}. Uses {@code common}, {@code module}, {@code scheduling} (pending points
 * post when their return window passed), {@code port} (the
 * host's {@link dev.crmkit.core.port.ProductCatalogue}) and the customer records of the storage contract (to check that
 * a customer exists and to follow a merged customer to its survivor); it refers to customers by id only.
 */
package dev.crmkit.core.loyalty;
