package dev.crmkit.core.lead;

import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.model.touchpoint.ChannelActivity;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a lead with the tenant's models: their factors in order, summed and clamped. The predictive model is the
 * tenant's stored one ({@link StoredLeadModels}): a scorer checks its version for every lead it scores, a scorer
 * {@link #withCurrentModel() for a batch} once for the whole batch.
 */
final class LeadScorer {
    private final TouchPointStorage touchPointStorage;
    private final String tenantId;
    private final LeadSettings settings;
    private final StoredLeadModels predictive;
    /** The model every score of this scorer uses; null when each score reads the current one. */
    private final NaiveBayesLeadModel held;
    private final boolean holds;

    LeadScorer(Storage storage, String tenantId, LeadSettings settings, StoredLeadModels predictive) {
        this(storage.capability(TouchPointStorage.class).orElseThrow(), tenantId, settings, predictive, null, false);
    }

    private LeadScorer(TouchPointStorage touchPointStorage, String tenantId, LeadSettings settings,
            StoredLeadModels predictive, NaiveBayesLeadModel held, boolean holds) {
        this.touchPointStorage = touchPointStorage;
        this.tenantId = tenantId;
        this.settings = settings;
        this.predictive = predictive;
        this.held = held;
        this.holds = holds;
    }

    /**
     * A scorer that uses the tenant's current model, read now (in the caller's unit), for every lead it scores: one
     * version check for a batch of leads instead of one per lead.
     */
    LeadScorer withCurrentModel() {
        NaiveBayesLeadModel model = settings.predictive() ? predictive.current(tenantId).orElse(null) : null;
        return new LeadScorer(touchPointStorage, tenantId, settings, predictive, model, true);
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
            NaiveBayesLeadModel model = holds ? held : predictive.current(tenantId).orElse(null);
            if (model != null) {
                factors.addAll(model.score(facts));
            }
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
