package dev.crmkit.model.customfield;

/** The four types a custom field can have; each is stored in its own typed column and queried as that type. */
public enum CustomFieldType {
    /** Up to {@value CustomFieldValue#MAX_TEXT} characters, compared for equality only. */
    TEXT,
    /** A decimal with at most 18 digits before and 10 after the point, ordered numerically. */
    NUMBER,
    /** A calendar date between the years 1000 and 9999, ordered by time. */
    DATE,
    /** True or false, compared for equality only. */
    BOOLEAN
}
