package dev.crmkit.core.customer;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * Changes a customer's names or external reference. A null component leaves that detail as it is; an empty
 * string clears an optional one (the display name cannot be cleared). Names follow the {@link Text} rule: they are
 * stripped, and a blank one clears like the empty string.
 */
public record UpdateDetails(
        UUID customerId,
        String displayName,
        String givenName,
        String familyName,
        String organizationName,
        String externalRef) {

    /**
     * @throws ValidationException ({@code customerId}) when the id is null or no detail is given to change;
     *     otherwise naming the component: a display name of 1 to 200 characters, given and family names of at most
     *     100, an organization name of at most 200, an external reference of at most 100
     */
    public UpdateDetails {
        Checks.id("customerId", customerId);
        if (displayName != null) {
            displayName = Text.required("displayName", displayName, 200);
        }
        givenName = Text.clearable("givenName", givenName, 100);
        familyName = Text.clearable("familyName", familyName, 100);
        organizationName = Text.clearable("organizationName", organizationName, 200);
        Checks.optionalText("externalRef", externalRef, 100);
        if (displayName == null && givenName == null && familyName == null && organizationName == null
                && externalRef == null) {
            throw new ValidationException("customerId", "names no detail to change");
        }
    }

    /** Only a new display name for the customer. */
    public static UpdateDetails displayName(UUID customerId, String displayName) {
        return new UpdateDetails(customerId, displayName, null, null, null, null);
    }
}
