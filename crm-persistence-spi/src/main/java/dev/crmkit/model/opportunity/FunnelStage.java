package dev.crmkit.model.opportunity;

/** One stage of the conversion funnel: how many deals ever entered it, and how many of those are won now. */
public record FunnelStage(String stageKey, long entered, long won) {
}
