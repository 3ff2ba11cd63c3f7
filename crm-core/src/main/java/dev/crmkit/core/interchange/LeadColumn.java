package dev.crmkit.core.interchange;

/** The lead fields a CSV column can fill. */
public enum LeadColumn {
    /** The person's given name. */
    GIVEN_NAME,
    /** The person's family name. */
    FAMILY_NAME,
    /** The company the person speaks for. */
    COMPANY,
    /** The person's job title, which fit scoring reads for decision makers. */
    JOB_TITLE,
    /** The company's industry. */
    INDUSTRY,
    /** The company's number of employees: a whole number, thousands separators allowed; other text refuses its row. */
    EMPLOYEES,
    /** An e-mail address, normalized as a customer's. */
    EMAIL,
    /** A phone number, normalized to E.164 as a customer's (national numbers in the default phone region). */
    PHONE,
    /** The country, as an assigned ISO 3166-1 alpha-2 code such as {@code DE}. */
    COUNTRY,
    /** The postcode. */
    POSTCODE,
    /** The city. */
    CITY,
    /** The campaign that brought the lead, as its id. */
    CAMPAIGN,
    /** A tracking code, such as UTM parameters. */
    TRACKING_CODE,
    /**
     * The row's id in the file's system: the import passes {@code csv:<value>} as the capture's idempotency key,
     * so importing the same file again creates nothing twice.
     */
    EXTERNAL_ID
}
