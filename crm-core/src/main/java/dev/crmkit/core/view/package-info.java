/**
 * The customer 360-degree view: one read that puts a customer's profile, contact points, relationships, open
 * follow-ups, contact counts per channel, the leads it came from, what it bought, its open suspected duplicates and
 * recent timeline side by side, as a service agent's or a sales rep's
 * customer screen needs them, at a fixed number of store calls (no N+1).
 *
 * <p>Start at {@link dev.crmkit.core.view.CustomerViewService}. Uses {@code common}, {@code touchpoint} (its
 * {@code Interaction} and {@code FollowUp} values) and the customer, lead and purchase records of the storage
 * contract.
 */
package dev.crmkit.core.view;
