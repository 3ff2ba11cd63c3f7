package dev.crmkit.spi.customer;

/** Whether a customer is a natural person or an organization (a company, a public body, an association). */
public enum PartyKind {
    PERSON,
    ORGANIZATION
}
