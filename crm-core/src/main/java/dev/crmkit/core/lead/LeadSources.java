package dev.crmkit.core.lead;

import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.touchpoint.Channel;

/** What the lead sources mean for touch points. */
final class LeadSources {
    private LeadSources() {
    }

    /** The channel a submission from the source arrives on, for the touch point a resubmission records. */
    static Channel channelOf(LeadSource source) {
        return switch (source) {
            case PHONE -> Channel.PHONE;
            case CAMPAIGN_RESPONSE, REFERRAL -> Channel.EMAIL;
            case TRADE_SHOW, EVENT -> Channel.STORE_VISIT;
            case WEB_FORM, IMPORT, OTHER -> Channel.WEB;
        };
    }
}
