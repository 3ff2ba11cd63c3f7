package dev.crmkit.core.module;

import java.util.Map;

/**
 * A domain's part in what happens to one customer's data across all domains. Merging two customers is the first such
 * act: the customer domain merges the customers themselves and asks every registered part to move its own rows in the
 * same unit. Exporting and erasing a person's data are the next, and will arrive here as further methods with defaults,
 * so an existing part keeps compiling.
 */
public interface CustomerDataPart {
    /**
     * Moves this domain's rows of {@link CustomerMerge#mergedId()} to {@link CustomerMerge#survivorId()}, inside the
     * merge's unit; a failure rolls the whole merge back. Returns how many rows of each kind moved, keyed by a stable
     * plural name ({@code interactions}, {@code leads}), which the {@code customer.merged} event reports.
     */
    Map<String, Integer> merge(CustomerMerge merge);
}
