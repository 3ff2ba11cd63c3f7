package dev.crmkit.spi.touchpoint;

/** Why an interaction took place; {@link #MARKETING} contacts count towards campaign frequency caps. */
public enum Purpose {
    SALES, SERVICE, MARKETING, BILLING, GENERAL
}
