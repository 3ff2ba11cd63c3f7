package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the ticket domain behaves, per tenant: how long after its resolution a ticket may be reopened. Start from
 * {@link #defaults()} (14 days for every tenant) and refine with the {@code with...} methods.
 *
 * @param reopenWindow the window of every tenant without one of its own
 * @param reopenWindowByTenant the windows of tenants with one of their own
 */
public record TicketSettings(Duration reopenWindow, Map<String, Duration> reopenWindowByTenant) {
    /** The default reopen window: 14 days. */
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(14);

    /**
     * Checks the windows and copies the map.
     *
     * @throws ValidationException ({@code reopenWindow}) when a window is null or negative; ({@code tenantId}) when a
     *     key is not a tenant id
     */
    public TicketSettings {
        check(reopenWindow);
        Checks.required("reopenWindowByTenant", reopenWindowByTenant);
        reopenWindowByTenant.forEach((tenant, window) -> {
            Checks.tenantId("tenantId", tenant);
            check(window);
        });
        reopenWindowByTenant = Map.copyOf(reopenWindowByTenant);
    }

    /** A reopen window of {@link #DEFAULT_REOPEN_WINDOW} for every tenant. */
    public static TicketSettings defaults() {
        return new TicketSettings(DEFAULT_REOPEN_WINDOW, Map.of());
    }

    /** These settings with another window for every tenant without one of its own (zero: never reopened). */
    public TicketSettings withReopenWindow(Duration window) {
        return new TicketSettings(window, reopenWindowByTenant);
    }

    /** These settings with a window of the tenant's own. */
    public TicketSettings withReopenWindow(String tenantId, Duration window) {
        Map<String, Duration> windows = new HashMap<>(reopenWindowByTenant);
        windows.put(tenantId, window);
        return new TicketSettings(reopenWindow, windows);
    }

    /** The reopen window of a tenant. */
    public Duration reopenWindowOf(String tenantId) {
        return reopenWindowByTenant.getOrDefault(tenantId, reopenWindow);
    }

    private static void check(Duration window) {
        Checks.required("reopenWindow", window);
        if (window.isNegative()) {
            throw new ValidationException("reopenWindow", "must not be negative");
        }
    }
}
