package dev.crmkit.core.cycleb;

/** The other half of a deliberate package cycle. */
public final class Beta {
    dev.crmkit.core.cyclea.Alpha alpha;
}
