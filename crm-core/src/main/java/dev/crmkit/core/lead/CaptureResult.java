package dev.crmkit.core.lead;

import java.util.List;

/**
 * What capturing a lead produced: the lead (new, or the open lead the capture was merged into), what happened,
 * and the matches found, best first (empty for a replay).
 */
public record CaptureResult(Lead lead, CaptureOutcome outcome, List<LeadMatch> matches) {
    /** Copies the matches, keeping their order. */
    public CaptureResult {
        matches = List.copyOf(matches);
    }
}
