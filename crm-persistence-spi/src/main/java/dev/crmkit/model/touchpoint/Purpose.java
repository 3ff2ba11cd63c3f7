package dev.crmkit.model.touchpoint;

/** Why an interaction took place; {@link #MARKETING} contacts count towards campaign frequency caps. */
public enum Purpose {
    /** Selling: an offer, an order, a deal being worked. */
    SALES,
    /** Helping an existing customer: a question, a complaint, a repair. */
    SERVICE,
    /** Promotion: a newsletter, a campaign message; counts towards frequency caps. */
    MARKETING,
    /** Invoices, payments and reminders. */
    BILLING,
    /** Anything else. */
    GENERAL
}
