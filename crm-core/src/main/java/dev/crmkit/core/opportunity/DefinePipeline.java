package dev.crmkit.core.opportunity;

import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import java.util.List;

/**
 * Defines (or redefines) a pipeline: a name, 1 to 100 characters unique in the tenant; its stages in order (at least
 * one open stage, exactly one closed-won and one closed-lost, keys unique); and its {@link ReopenRule}, by default
 * {@link #DEFAULT_REOPEN_RULE}.
 */
public record DefinePipeline(String name, List<PipelineStage> stages, ReopenRule reopenRule) {
    /** The rule of a pipeline that names none: closed deals may be reopened within 30 days of closing. */
    public static final ReopenRule DEFAULT_REOPEN_RULE = ReopenRule.withinDays(30);

    /** The name of the built-in pipeline a tenant gets when it uses opportunities before defining one. */
    public static final String DEFAULT_NAME = "Sales";

    /** A pipeline with the default reopen rule. */
    public static DefinePipeline of(String name, List<PipelineStage> stages) {
        return new DefinePipeline(name, stages, DEFAULT_REOPEN_RULE);
    }

    /** This definition with another reopen rule. */
    public DefinePipeline withReopenRule(ReopenRule rule) {
        return new DefinePipeline(name, stages, rule);
    }

    /**
     * The built-in "Sales" pipeline: Prospecting 10 % (norm 14 days), Qualification 20 % (14 days), Proposal 50 %
     * (21 days, best case), Negotiation 75 % (14 days, commit), Closed Won 100 %, Closed Lost 0 %.
     */
    public static DefinePipeline salesDefault() {
        return of(DEFAULT_NAME, List.of(
                PipelineStage.open("prospecting", "Prospecting", 10, ForecastCategory.PIPELINE, 14),
                PipelineStage.open("qualification", "Qualification", 20, ForecastCategory.PIPELINE, 14),
                PipelineStage.open("proposal", "Proposal", 50, ForecastCategory.BEST_CASE, 21),
                PipelineStage.open("negotiation", "Negotiation", 75, ForecastCategory.COMMIT, 14),
                PipelineStage.won("closed-won", "Closed Won"),
                PipelineStage.lost("closed-lost", "Closed Lost")));
    }
}
