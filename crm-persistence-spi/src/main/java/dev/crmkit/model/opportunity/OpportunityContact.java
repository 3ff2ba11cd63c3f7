package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import java.util.UUID;

/** A person (a customer id of kind person) and the role they play in a deal. */
public record OpportunityContact(UUID personId, ContactRole role) {
    /** @throws dev.crmkit.model.ValidationException ({@code personId}, {@code role}) when either is null */
    public OpportunityContact {
        Checks.id("personId", personId);
        Checks.required("role", role);
    }
}
