package dev.crmkit.model.opportunity;

/** The part a person at the customer plays in a deal (the buying centre). */
public enum ContactRole {
    /** Makes the final decision. */
    DECISION_MAKER,
    /** Sways the decision without making it. */
    INFLUENCER,
    /** Owns the budget. */
    ECONOMIC_BUYER,
    /** Sells for the vendor inside the customer. */
    CHAMPION,
    /** Will use what is bought. */
    USER,
    /** Judges the technical fit. */
    TECHNICAL_BUYER
}
