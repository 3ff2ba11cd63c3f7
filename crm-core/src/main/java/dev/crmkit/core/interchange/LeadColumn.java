package dev.crmkit.core.interchange;

/** The lead fields a CSV column can fill. */
public enum LeadColumn {
    GIVEN_NAME, FAMILY_NAME, COMPANY, JOB_TITLE, INDUSTRY, EMPLOYEES, EMAIL, PHONE, COUNTRY, POSTCODE, CITY,
    CAMPAIGN, TRACKING_CODE,
    /**
     * The row's id in the file's system: the import passes {@code csv:<value>} as the capture's idempotency key,
     * so importing the same file again creates nothing twice.
     */
    EXTERNAL_ID
}
