package dev.crmkit.spi.touchpoint;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the touch-point domain: interactions on every channel and follow-up tasks. */
public interface TouchPointStorage extends StorageCapability {
    /** Interactions (touch points) on every channel. */
    InteractionStore interactions();

    /** Follow-up tasks. */
    TaskStore tasks();
}
