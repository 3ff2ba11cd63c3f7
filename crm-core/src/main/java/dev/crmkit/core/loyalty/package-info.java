/**
 * Loyalty: what customers buy and return, reported by the host as facts (an order with its lines, returns against
 * it), and what that adds up to per customer: recency, frequency and monetary value; programmes with their accrual
 * rules; programme memberships with their append-only points ledgers, whose cached balances always equal the ledgers'
 * sums and never go below zero; what recorded purchases earn members, pending until the return window passes and
 * taken back by returns; the programmes' tiers, which members move up at once and down at reviews; the tenant's
 * stored rewards catalogue, whose stock redemptions take from; the expiry of redeemable points under each
 * programme's {@link dev.crmkit.core.loyalty.ExpiryPolicy} (lot by lot, oldest first, or after a spell without
 * activity), run by the scheduler in {@code PointsExpiry}; and what the ledgers add up to: members' statements, the
 * programmes' outstanding liability at their point value, and breakage.
 *
 * <p>Start at {@link dev.crmkit.core.loyalty.PurchaseService}, {@link dev.crmkit.core.loyalty.LoyaltyService},
 * {@link dev.crmkit.core.loyalty.TierService}, {@link dev.crmkit.core.loyalty.RewardService} and
 * {@link dev.crmkit.core.loyalty.LoyaltyReportService}; an order's rules, its
 * returns included, are in {@code PurchaseAggregate}, a membership's (its lifecycle and every posting) in
 * {@code MembershipAggregate}, a programme's in {@code ProgrammeAggregate} and how its rules turn lines into points in
 * {@code Earning}, what a purchase earned a member and a return takes back in {@code AccrualAggregate} (stored by
 * {@code PurchaseAccruals} in the purchase's or the return's unit), a tier scheme's in {@code TierSchemeAggregate}, a
 * member's tier moves in {@code MemberTierAggregate}, a stored reward's in {@code RewardAggregate}, the wiring in
 * {@link dev.crmkit.core.loyalty.LoyaltyModule}. Its events are the records implementing
 * {@link dev.crmkit.core.loyalty.PurchaseEvent}, {@link dev.crmkit.core.loyalty.ProgrammeEvent},
 * {@link dev.crmkit.core.loyalty.MembershipEvent}, {@link dev.crmkit.core.loyalty.AccrualEvent},
 * {@link dev.crmkit.core.loyalty.TierSchemeEvent}, {@link dev.crmkit.core.loyalty.MemberTierEvent},
 * {@link dev.crmkit.core.loyalty.RewardEvent} and {@link dev.crmkit.core.loyalty.ExpiryEvent}, and
 * {@link dev.crmkit.core.loyalty.ExpiryNotified}. Uses {@code common},
 * {@code module}, {@code scheduling} (pending points post when their return window passed; the tier reviews; expiry
 * and its notices), {@code messaging} (the notice ahead of an expiry is sent through it, {@code ExpiryNotices}),
 * {@code port} (the host's
 * {@link dev.crmkit.core.port.ProductCatalogue} and {@link dev.crmkit.core.port.RewardCatalogue}) and the customer
 * records of the storage contract (to check that a customer exists and to follow a merged customer to its survivor);
 * it refers to customers by id only.
 */
package dev.crmkit.core.loyalty;
