package dev.crmkit.core.loyalty;

import dev.crmkit.model.loyalty.LedgerEntryKind;

/**
 * What a membership's entries of one kind added up to in a statement's period.
 *
 * @param kind the entries' kind
 * @param qualifyingPoints the sum of their qualifying points
 * @param redeemablePoints the sum of their redeemable points
 * @param entries how many entries there were
 */
public record StatementLine(LedgerEntryKind kind, long qualifyingPoints, long redeemablePoints, long entries) {
}
