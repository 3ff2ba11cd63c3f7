package dev.crmkit.spi.loyalty;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the loyalty domain: the purchases customers made and returned. */
public interface LoyaltyStorage extends StorageCapability {
    /** Orders with their lines and the returns against them. */
    PurchaseStore purchases();
}
