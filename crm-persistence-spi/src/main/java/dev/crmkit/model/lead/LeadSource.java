package dev.crmkit.model.lead;

/** Where a lead came from; reports count conversion per source. */
public enum LeadSource {
    /** A form on the host's web site. */
    WEB_FORM,
    /** A list imported in bulk. */
    IMPORT,
    /** Recommended by a customer or partner. */
    REFERRAL,
    /** Met at a trade show booth. */
    TRADE_SHOW,
    /** An event, webinar or meetup. */
    EVENT,
    /** Called in. */
    PHONE,
    /** Answered a marketing campaign. */
    CAMPAIGN_RESPONSE,
    /** Anything else. */
    OTHER
}
