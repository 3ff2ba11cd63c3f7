package dev.crmkit.model.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * A postal address: street lines, city, region, postcode and an ISO 3166-1 alpha-2 country code (upper case).
 * Street and country are required; the others are optional because not every country uses them.
 */
public record PostalAddress(String street, String city, String region, String postalCode, String countryCode) {
    /**
     * @throws ValidationException naming the component: a street of 1 to 300 characters and a country code of two
     *     upper-case letters are required; city and region take at most 100 characters, the postal code at most 20
     */
    public PostalAddress {
        Checks.text("street", street, 300);
        Checks.optionalText("city", city, 100);
        Checks.optionalText("region", region, 100);
        Checks.optionalText("postalCode", postalCode, 20);
        Checks.required("countryCode", countryCode);
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new ValidationException("countryCode", "must be an ISO 3166-1 alpha-2 code in upper case");
        }
    }
}
