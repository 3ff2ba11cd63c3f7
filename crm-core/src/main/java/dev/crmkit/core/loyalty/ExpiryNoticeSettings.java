package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which tenants notify their members of points about to expire, how long ahead and on which channel. Opt-in: no tenant
 * is notified until it is named here and the settings are given to {@link LoyaltyModule.Builder#expiryNotices}.
 * Start from {@link #forTenants}: an e-mail {@value #DEFAULT_DAYS_AHEAD} days ahead.
 *
 * @param tenants the tenants whose members are notified
 * @param ahead   how long before the expiry the notice is due, 1 to {@value #MAX_DAYS_AHEAD} days
 * @param channel the channel the notice goes out on: {@code EMAIL} or {@code SMS}, to the member's primary contact
 *     point of that kind, else the first by id
 */
public record ExpiryNoticeSettings(Set<String> tenants, Duration ahead, ChannelKind channel) {
    /** How many days ahead a notice is due by default. */
    public static final int DEFAULT_DAYS_AHEAD = 30;
    /** The most days ahead a notice may be due. */
    public static final int MAX_DAYS_AHEAD = 365;

    private static final ExpiryNoticeSettings NONE = new ExpiryNoticeSettings(Set.of(),
            Duration.ofDays(DEFAULT_DAYS_AHEAD), ChannelKind.EMAIL);

    /**
     * Checks and copies the tenants.
     *
     * @throws ValidationException ({@code tenants}, {@code tenantId}, {@code ahead}, {@code channel}) when one is
     *     null, holds nulls or a malformed tenant id, the time ahead is out of range or the channel is neither
     *     {@code EMAIL} nor {@code SMS}
     */
    public ExpiryNoticeSettings {
        Checks.noNulls("tenants", tenants);
        tenants.forEach(t -> Checks.tenantId("tenantId", t));
        tenants = Set.copyOf(tenants);
        Checks.required("ahead", ahead);
        if (ahead.compareTo(Duration.ofDays(1)) < 0 || ahead.compareTo(Duration.ofDays(MAX_DAYS_AHEAD)) > 0) {
            throw new ValidationException("ahead", "must be 1 to " + MAX_DAYS_AHEAD + " days");
        }
        Checks.required("channel", channel);
        if (channel != ChannelKind.EMAIL && channel != ChannelKind.SMS) {
            throw new ValidationException("channel", "must be EMAIL or SMS");
        }
    }

    /** No tenant notified: the default. */
    public static ExpiryNoticeSettings none() {
        return NONE;
    }

    /** These tenants notified by e-mail {@value #DEFAULT_DAYS_AHEAD} days ahead. */
    public static ExpiryNoticeSettings forTenants(Set<String> tenants) {
        return new ExpiryNoticeSettings(tenants, Duration.ofDays(DEFAULT_DAYS_AHEAD), ChannelKind.EMAIL);
    }

    /** These settings with the notice due this long ahead. */
    public ExpiryNoticeSettings withAhead(Duration before) {
        return new ExpiryNoticeSettings(tenants, before, channel);
    }

    /** These settings sending on this channel. */
    public ExpiryNoticeSettings withChannel(ChannelKind kind) {
        return new ExpiryNoticeSettings(tenants, ahead, kind);
    }

    /** Whether the tenant's members are notified. */
    public boolean notifies(String tenantId) {
        return tenants.contains(tenantId);
    }

    /** When the notice of an expiry at {@code expiresAt} is due. */
    Instant noticeAt(Instant expiresAt) {
        return expiresAt.minus(ahead);
    }
}
