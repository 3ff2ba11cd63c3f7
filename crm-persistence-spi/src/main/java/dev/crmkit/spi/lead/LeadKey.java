package dev.crmkit.spi.lead;

/** The values open leads are looked up by when a new lead is matched against them; each has an index. */
public enum LeadKey {
    /** The normalized e-mail address. */
    EMAIL,
    /** The phone number in E.164. */
    PHONE,
    /** The name blocking key. */
    NAME_KEY
}
