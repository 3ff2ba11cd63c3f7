package dev.crmkit.core.customer;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * The options a tenant's customer service runs with.
 *
 * @param defaultPhoneRegion the ISO 3166 region national phone numbers are read in ({@code DE}), or {@code ZZ}
 *     to accept only international numbers starting with {@code +}
 * @param duplicatePolicy what registration does about likely duplicates
 * @param importBatchSize how many rows an import writes per transaction, 1 to 1000
 * @param matching how customers are matched: thresholds, date of birth and identifier fields
 */
public record CustomerSettings(String defaultPhoneRegion, DuplicatePolicy duplicatePolicy, int importBatchSize,
        MatchSettings matching) {
    /**
     * @throws ValidationException ({@code defaultPhoneRegion}) unless the region is one libphonenumber supports or
     *     {@code ZZ}; ({@code duplicatePolicy}, {@code matching}) when one is null; ({@code importBatchSize}) unless
     *     it is 1 to 1000
     */
    public CustomerSettings {
        Checks.required("defaultPhoneRegion", defaultPhoneRegion);
        if (!"ZZ".equals(defaultPhoneRegion)
                && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultPhoneRegion)) {
            throw new ValidationException("defaultPhoneRegion", "must be a supported ISO 3166 region code such as DE, or ZZ");
        }
        Checks.required("duplicatePolicy", duplicatePolicy);
        Checks.limit("importBatchSize", importBatchSize, 1000);
        Checks.required("matching", matching);
    }

    /**
     * Settings with the {@link MatchSettings#defaults() default matching}.
     *
     * @throws ValidationException as the canonical constructor
     */
    public CustomerSettings(String defaultPhoneRegion, DuplicatePolicy duplicatePolicy, int importBatchSize) {
        this(defaultPhoneRegion, duplicatePolicy, importBatchSize, MatchSettings.defaults());
    }

    /** International numbers only, duplicates warned about, imports in batches of 500. */
    public static CustomerSettings defaults() {
        return new CustomerSettings("ZZ", DuplicatePolicy.WARN, 500);
    }
}
