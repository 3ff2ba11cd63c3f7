package dev.crmkit.core.cyclea;

/** Half of a deliberate package cycle, used to show the cycle rule can fail. */
public final class Alpha {
    dev.crmkit.core.cycleb.Beta beta;
}
