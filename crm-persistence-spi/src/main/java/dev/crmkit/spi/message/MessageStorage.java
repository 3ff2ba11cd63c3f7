package dev.crmkit.spi.message;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the messaging domain: outgoing messages and the send rates of their channels. */
public interface MessageStorage extends StorageCapability {
    /** Outgoing messages with their delivery state. */
    MessageStore messages();

    /** Send rates shared by every node and tenant. */
    SendRateStore sendRates();
}
