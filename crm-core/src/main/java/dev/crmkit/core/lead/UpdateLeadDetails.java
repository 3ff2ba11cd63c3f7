package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;
import java.util.UUID;

/**
 * Corrects who an open lead is: its names, company, job, industry, size, e-mail, phone or location, as entered (the
 * service normalizes e-mail, phone and country as on capture). Start with {@link #of(UUID)} and set the parts that
 * change with the {@code with...} methods: a null part leaves that detail as it is, an empty (or blank) string
 * clears it; the company's size ({@code employees}) can be corrected but not cleared. The lead must still name
 * somebody afterwards: a family or given name, a company or an e-mail address.
 */
public record UpdateLeadDetails(
        UUID leadId,
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
        String city) {

    /**
     * Checks only that there is a lead id; the service checks the parts as on capture.
     *
     * @throws dev.crmkit.model.ValidationException ({@code leadId}) when the id is null
     */
    public UpdateLeadDetails {
        Checks.id("leadId", leadId);
    }

    /** A change of the lead that changes nothing yet. */
    public static UpdateLeadDetails of(UUID leadId) {
        return new UpdateLeadDetails(leadId, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** With other names of the person. */
    public UpdateLeadDetails withPerson(String givenName, String familyName) {
        return new UpdateLeadDetails(leadId, givenName, familyName, companyName, jobTitle, industry, employees, email,
                phone, countryCode, postcode, city);
    }

    /** With another company, industry and size. */
    public UpdateLeadDetails withCompany(String companyName, String industry, Integer employees) {
        return new UpdateLeadDetails(leadId, givenName, familyName, companyName, jobTitle, industry, employees, email,
                phone, countryCode, postcode, city);
    }

    /** With another job title. */
    public UpdateLeadDetails withJobTitle(String jobTitle) {
        return new UpdateLeadDetails(leadId, givenName, familyName, companyName, jobTitle, industry, employees, email,
                phone, countryCode, postcode, city);
    }

    /** With another e-mail address, as entered. */
    public UpdateLeadDetails withEmail(String email) {
        return new UpdateLeadDetails(leadId, givenName, familyName, companyName, jobTitle, industry, employees, email,
                phone, countryCode, postcode, city);
    }

    /** With another phone number, as entered. */
    public UpdateLeadDetails withPhone(String phone) {
        return new UpdateLeadDetails(leadId, givenName, familyName, companyName, jobTitle, industry, employees, email,
                phone, countryCode, postcode, city);
    }

    /** With another location: ISO 3166-1 country code, postcode and city. */
    public UpdateLeadDetails withLocation(String countryCode, String postcode, String city) {
        return new UpdateLeadDetails(leadId, givenName, familyName, companyName, jobTitle, industry, employees, email,
                phone, countryCode, postcode, city);
    }
}
