package dev.crmkit.core.forecast;

import java.util.List;

/**
 * How accurate a member's forecast submission (the latest before the cutoff, or a rolled-up team forecast) was: its
 * commit, best case and pipeline figures next to what closed won in the period, for the rep's own deals or the team's.
 *
 * @param submission the submission compared
 * @param lines one per measure: commit, best case, pipeline
 */
public record SubmissionAccuracy(ForecastSubmission submission, List<AccuracyLine> lines) {
    /** Copies the lines. */
    public SubmissionAccuracy {
        lines = List.copyOf(lines);
    }

    /** The line of a measure. */
    public AccuracyLine line(ForecastMeasure measure) {
        return lines.stream().filter(l -> l.measure() == measure).findFirst().orElseThrow();
    }
}
