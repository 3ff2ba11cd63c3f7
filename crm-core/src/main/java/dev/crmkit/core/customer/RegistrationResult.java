package dev.crmkit.core.customer;

import java.util.List;

/**
 * What registering a customer produced: the stored customer and, under {@link DuplicatePolicy#WARN}, the existing
 * customers it may duplicate, best score first (empty under {@link DuplicatePolicy#ALLOW}).
 */
public record RegistrationResult(Customer customer, List<DuplicateCandidate> duplicates) {
    /** Copies the duplicates, keeping their order. */
    public RegistrationResult {
        duplicates = List.copyOf(duplicates);
    }

    /** Whether any possible duplicate was found. */
    public boolean hasDuplicates() {
        return !duplicates.isEmpty();
    }
}
