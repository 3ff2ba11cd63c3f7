package dev.crmkit.spi.touchpoint;

/** A follow-up task is open until it is done or cancelled. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
