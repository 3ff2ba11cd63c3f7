package dev.crmkit.spi.touchpoint;

/** Who started an interaction: the customer (inbound) or the company (outbound). */
public enum Direction {
    INBOUND, OUTBOUND
}
