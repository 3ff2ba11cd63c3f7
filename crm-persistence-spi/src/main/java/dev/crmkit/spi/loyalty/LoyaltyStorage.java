package dev.crmkit.spi.loyalty;

import dev.crmkit.spi.StorageCapability;

/**
 * The storage capability of the loyalty domain: the purchases customers made and returned, the programmes with their
 * accrual rules, programme memberships and their points ledgers, the programmes' tiers and the tiers members hold, and
 * the stored rewards catalogue.
 */
public interface LoyaltyStorage extends StorageCapability {
    /** Orders with their lines and the returns against them. */
    PurchaseStore purchases();

    /** Memberships with their cached balances. */
    MembershipStore memberships();

    /** The append-only points ledgers. */
    LedgerStore ledger();

    /** The programmes with their accrual rules. */
    ProgrammeStore programmes();

    /** What each purchase earned each member, pending until its return window passes. */
    AccrualStore accruals();
    /** The programmes' tier schemes. */
    TierSchemeStore tierSchemes();

    /** The tiers members hold, their tier history and the ledger measures tiers are earned by. */
    MemberTierStore memberTiers();

    /** The stored rewards catalogue. */
    RewardStore rewards();

    /** Statements, liability and breakage, computed from the ledgers by the storage. */
    LedgerReportStore ledgerReports();
}
