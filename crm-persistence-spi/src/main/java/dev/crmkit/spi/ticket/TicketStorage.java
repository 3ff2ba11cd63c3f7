package dev.crmkit.spi.ticket;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the ticket domain: customer service tickets. */
public interface TicketStorage extends StorageCapability {
    /** Service tickets. */
    TicketStore tickets();
}
