package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketChannel;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which tenants acknowledge their new tickets by e-mail, for tickets from which channels, with how many suggested
 * articles and in what words. Opt-in: no tenant acknowledges until it is named here and
 * {@link TicketAcknowledgementModule} is registered. Start from {@link #forTenants}: tickets from {@code EMAIL},
 * {@code WEB_FORM} and {@code PORTAL}, up to {@value #DEFAULT_SUGGESTIONS} suggestions, {@link
 * AcknowledgementText#english()}.
 *
 * @param tenants     the tenants that acknowledge
 * @param channels    the channels whose tickets are acknowledged
 * @param suggestions the most suggested articles an acknowledgement carries, 0 to {@value #MAX_SUGGESTIONS}
 * @param text        the e-mail's words
 */
public record AcknowledgementSettings(Set<String> tenants, Set<TicketChannel> channels, int suggestions,
        AcknowledgementText text) {
    /** The suggestions an acknowledgement carries by default. */
    public static final int DEFAULT_SUGGESTIONS = 3;
    /** The most suggestions an acknowledgement carries. */
    public static final int MAX_SUGGESTIONS = 10;

    /**
     * Checks and copies the sets.
     *
     * @throws ValidationException ({@code tenants}, {@code tenantId}, {@code channels}, {@code suggestions},
     *     {@code text}) when one is null, holds nulls or a malformed tenant id, or the count is out of range
     */
    public AcknowledgementSettings {
        Checks.noNulls("tenants", tenants);
        tenants.forEach(t -> Checks.tenantId("tenantId", t));
        tenants = Set.copyOf(tenants);
        Checks.noNulls("channels", channels);
        channels = Set.copyOf(channels);
        if (suggestions < 0 || suggestions > MAX_SUGGESTIONS) {
            throw new ValidationException("suggestions", "must be 0 to " + MAX_SUGGESTIONS);
        }
        Checks.required("text", text);
    }

    /** The default settings for these tenants. */
    public static AcknowledgementSettings forTenants(Set<String> tenants) {
        return new AcknowledgementSettings(tenants, EnumSet.of(TicketChannel.EMAIL, TicketChannel.WEB_FORM,
                TicketChannel.PORTAL), DEFAULT_SUGGESTIONS, AcknowledgementText.english());
    }

    /** These settings acknowledging tickets from these channels only. */
    public AcknowledgementSettings withChannels(Set<TicketChannel> acknowledged) {
        return new AcknowledgementSettings(tenants, acknowledged, suggestions, text);
    }

    /** These settings with at most this many suggested articles (0: none). */
    public AcknowledgementSettings withSuggestions(int most) {
        return new AcknowledgementSettings(tenants, channels, most, text);
    }

    /** These settings with the host's words. */
    public AcknowledgementSettings withText(AcknowledgementText words) {
        return new AcknowledgementSettings(tenants, channels, suggestions, words);
    }

    /** Whether a ticket of the tenant from the channel is acknowledged. */
    public boolean acknowledges(String tenantId, TicketChannel channel) {
        return tenants.contains(tenantId) && channels.contains(channel);
    }
}
