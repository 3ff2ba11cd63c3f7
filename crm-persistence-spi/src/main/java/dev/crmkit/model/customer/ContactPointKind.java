package dev.crmkit.model.customer;

/** The three ways to reach a customer that CRMKit stores. */
public enum ContactPointKind {
    /** An e-mail address, stored trimmed and lower-cased. */
    EMAIL,
    /** A phone number, stored in E.164 form ({@code +4930123456}). */
    PHONE,
    /** A postal address; its value is a normalized one-line form used for matching. */
    POSTAL
}
