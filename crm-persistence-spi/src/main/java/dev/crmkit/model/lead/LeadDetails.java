package dev.crmkit.model.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Who a lead is: a person and the company they speak for, as far as the lead said. Every part is optional, but a
 * lead names somebody: at least one of {@code familyName}, {@code givenName}, {@code companyName} or {@code email}.
 * Contact values are stored normalized, as the core's normalization left them ({@code email} lower-case,
 * {@code phone} in E.164), so storage can match them by equality.
 *
 * <ul>
 *   <li>{@code givenName}, {@code familyName}, {@code jobTitle}, {@code city}: at most 100 characters each.</li>
 *   <li>{@code companyName}: at most 200; {@code industry}: at most 64.</li>
 *   <li>{@code employees}: the company's size, 0 to 10,000,000, or null when unknown.</li>
 *   <li>{@code email}: not blank, at most 254; {@code phone}: not blank, at most 20; {@code countryCode}: two upper-case letters;
 *       {@code postcode}: at most 20.</li>
 * </ul>
 */
public record LeadDetails(
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

    /** The largest company size a lead may give. */
    public static final int MAX_EMPLOYEES = 10_000_000;

    /**
     * Checks the rules above. The contact values are not normalized here: the core stores them normalized.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public LeadDetails {
        Checks.optionalText("givenName", givenName, 100);
        Checks.optionalText("familyName", familyName, 100);
        Checks.optionalText("companyName", companyName, 200);
        Checks.optionalText("jobTitle", jobTitle, 100);
        Checks.optionalText("industry", industry, 64);
        if (employees != null && (employees < 0 || employees > MAX_EMPLOYEES)) {
            throw new ValidationException("employees", "must be 0 to " + MAX_EMPLOYEES);
        }
        if (email != null) {
            Checks.text("email", email, 254);
        }
        if (phone != null) {
            Checks.text("phone", phone, 20);
        }
        if (countryCode != null && !countryCode.matches("[A-Z]{2}")) {
            throw new ValidationException("countryCode", "must be two upper-case letters");
        }
        Checks.optionalText("postcode", postcode, 20);
        Checks.optionalText("city", city, 100);
        if (blank(familyName) && blank(givenName) && blank(companyName) && blank(email)) {
            throw new ValidationException("details", "must name a person, a company or an e-mail address");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The name a person reading the queue sees: the person's name, else the company, else the e-mail. */
    public String displayName() {
        String person = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        if (!person.isEmpty()) {
            return person;
        }
        return !blank(companyName) ? companyName : email;
    }
}
