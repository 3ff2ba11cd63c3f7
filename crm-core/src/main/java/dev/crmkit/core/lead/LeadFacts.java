package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.touchpoint.ChannelActivity;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link LeadScoringModel} sees of a lead: its details, attribution, qualification and state, its touch
 * points so far as counts and last contact per channel, when it was captured, and the time of scoring.
 */
public record LeadFacts(LeadDetails details, LeadAttribution attribution, Qualification qualification,
        LeadStatus status, List<ChannelActivity> engagement, Instant capturedAt, Instant now) {
    /**
     * Copies the engagement list.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that is null (the engagement list, or an
     *     element of it, included)
     */
    public LeadFacts {
        Checks.required("details", details);
        Checks.required("attribution", attribution);
        Checks.required("qualification", qualification);
        Checks.required("status", status);
        engagement = List.copyOf(Checks.noNulls("engagement", engagement));
        Checks.required("capturedAt", capturedAt);
        Checks.required("now", now);
    }

    /** How many touch points the lead had on every channel together. */
    public long touchPoints() {
        return engagement.stream().mapToLong(ChannelActivity::count).sum();
    }

    /** When the lead was last in touch, or null when never. */
    public Instant lastTouchPoint() {
        return engagement.stream().map(ChannelActivity::lastOccurredAt).max(Instant::compareTo).orElse(null);
    }
}
