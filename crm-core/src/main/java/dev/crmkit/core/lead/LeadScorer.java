package dev.crmkit.core.lead;

import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.ScoreFactor;
import dev.crmkit.spi.touchpoint.ChannelActivity;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Scores a lead with the tenant's models: their factors in order, summed and clamped. */
final class LeadScorer {
    private final Storage storage;
    private final TouchPointStorage touchPointStorage;
    private final String tenantId;
    private final LeadSettings settings;
    private final PredictiveModels predictive;

    LeadScorer(Storage storage, String tenantId, LeadSettings settings, PredictiveModels predictive) {
        this.storage = storage;
        this.touchPointStorage = this.storage.capability(TouchPointStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
        this.predictive = predictive;
    }

    /** The score of a lead with touch points; one query for them. */
    LeadScore score(LeadRecord lead, Instant now) {
        return score(lead, touchPointStorage.interactions().activityByChannel(tenantId, lead.id()), now);
    }

    /** The score of a lead whose touch points are known (none, for a lead just captured). */
    LeadScore score(LeadRecord lead, List<ChannelActivity> engagement, Instant now) {
        LeadFacts facts = facts(lead, engagement, now);
        List<ScoreFactor> factors = new ArrayList<>();
        for (LeadScoringModel model : settings.models()) {
            factors.addAll(model.score(facts));
        }
        if (settings.predictive()) {
            predictive.of(tenantId).ifPresent(model -> factors.addAll(model.score(facts)));
        }
        List<ScoreFactor> kept = factors.size() > LeadRecord.MAX_FACTORS ? factors.subList(0, LeadRecord.MAX_FACTORS)
                : factors;
        return LeadScore.of(kept);
    }

    static LeadFacts facts(LeadRecord lead, List<ChannelActivity> engagement, Instant now) {
        return new LeadFacts(lead.details(), lead.attribution(), lead.qualification(), lead.status(), engagement,
                lead.createdAt(), now);
    }
}
