/**
 * What a caller of the loyalty domain reads: ledger entry kinds, membership states and a customer's purchase summary
 * (recency, frequency, monetary value).
 */
package dev.crmkit.model.loyalty;
