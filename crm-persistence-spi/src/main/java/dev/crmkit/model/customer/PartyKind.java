package dev.crmkit.model.customer;

/** Whether a customer is a natural person or an organization (a company, a public body, an association). */
public enum PartyKind {
    /** A natural person: a customer with given and family names, who may work for an organization. */
    PERSON,
    /** A company, public body or association: a customer with an organization name. */
    ORGANIZATION
}
