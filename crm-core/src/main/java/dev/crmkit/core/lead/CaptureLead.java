package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.lead.LeadSource;

/**
 * Captures a lead from a source: who it is (as entered: the service normalizes e-mail and phone as for customers)
 * and where it came from. Start with {@link #from(LeadSource)} and add the parts with the {@code with...} methods;
 * the service validates them and names the offending field. A lead names somebody: a family or given name, a
 * company or an e-mail address.
 *
 * <p>{@code idempotencyKey}: a caller that may retry (a web form posted twice) passes a key; capturing again with
 * the same key returns the lead the first capture went into (the lead it created, or the open lead it was merged
 * into) and changes nothing.
 */
public record CaptureLead(
        LeadSource source,
        String givenName,
        String familyName,
        String companyName,
        String jobTitle,
        String industry,
        Integer employees,
        String email,
        String phone,
        String countryCode,
        String postcode,
        String city,
        String campaignId,
        String trackingCode,
        String rawSubmission,
        String idempotencyKey) {

    /**
     * Checks only that there is a source; the service checks the rest when it captures, so an error in a batch names
     * the command's index ({@code commands[i].<field>}).
     *
     * @throws dev.crmkit.model.ValidationException ({@code source}) when the source is null
     */
    public CaptureLead {
        Checks.required("source", source);
    }

    /** A capture from the source with nothing else yet. */
    public static CaptureLead from(LeadSource source) {
        return new CaptureLead(source, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** With the person's names. */
    public CaptureLead withPerson(String givenName, String familyName) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With the company, its industry and its size (null where unknown). */
    public CaptureLead withCompany(String companyName, String industry, Integer employees) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With the person's job title. */
    public CaptureLead withJobTitle(String jobTitle) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With an e-mail address as entered. */
    public CaptureLead withEmail(String email) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With a phone number as entered (national numbers are read in the default phone region). */
    public CaptureLead withPhone(String phone) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With where the lead is: an ISO 3166 country code, postcode and city (null where unknown). */
    public CaptureLead withLocation(String countryCode, String postcode, String city) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With the campaign that brought the lead and its tracking code (such as UTM parameters). */
    public CaptureLead withCampaign(String campaignId, String trackingCode) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With the submission as the source sent it (the form's fields as JSON, a CSV line), kept as given. */
    public CaptureLead withRawSubmission(String rawSubmission) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }

    /** With the caller's key for a retried capture. */
    public CaptureLead withIdempotencyKey(String idempotencyKey) {
        return new CaptureLead(source, givenName, familyName, companyName, jobTitle, industry, employees, email, phone,
                countryCode, postcode, city, campaignId, trackingCode, rawSubmission, idempotencyKey);
    }
}
