package dev.crmkit.model.forecast;

/** Who made a forecast submission: the member whose forecast it is, or a manager above them. */
public enum SubmissionKind {
    /** The member submitted their own forecast (a rep's call, or a manager's call for their own team). */
    SUBMITTED,
    /** A manager above the member in the management chain adjusted the member's forecast. */
    ADJUSTED
}
