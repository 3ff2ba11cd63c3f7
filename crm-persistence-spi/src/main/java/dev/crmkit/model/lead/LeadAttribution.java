package dev.crmkit.model.lead;

import dev.crmkit.model.Checks;

/**
 * Where a lead came from, kept for reporting and for the customer it converts into: the source, the campaign
 * that brought it (the campaign's id in CRMKit or in the host's marketing tool), a tracking code (such as UTM
 * parameters) and the raw submission as the source sent it (a form's fields as JSON, a CSV line).
 *
 * <ul>
 *   <li>{@code source}: required.</li>
 *   <li>{@code campaignId}: optional, at most 100 characters; {@code trackingCode}: optional, at most 200.</li>
 *   <li>{@code rawSubmission}: optional, at most 16,000 characters, stored exactly as given.</li>
 * </ul>
 */
public record LeadAttribution(LeadSource source, String campaignId, String trackingCode, String rawSubmission) {
    /** The longest raw submission kept. */
    public static final int MAX_RAW = 16_000;

    /**
     * Checks the rules above. The raw submission is kept exactly as given.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public LeadAttribution {
        Checks.required("source", source);
        Checks.optionalText("campaignId", campaignId, 100);
        Checks.optionalText("trackingCode", trackingCode, 200);
        Checks.optionalText("rawSubmission", rawSubmission, MAX_RAW);
    }

    /** Attribution to a source alone. */
    public static LeadAttribution of(LeadSource source) {
        return new LeadAttribution(source, null, null, null);
    }
}
