package dev.crmkit.core.lead;

/** How a lead came to its owner. */
public enum Assignment {
    /** The tenant's distribution strategy chose the owner on capture or on a later distribute call. */
    AUTOMATIC,
    /** Someone assigned the lead by hand. */
    MANUAL,
    /** The previous owner left (was deactivated) and the lead was distributed again. */
    REDISTRIBUTED
}
