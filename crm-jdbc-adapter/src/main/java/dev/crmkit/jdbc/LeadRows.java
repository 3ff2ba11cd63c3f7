package dev.crmkit.jdbc;

import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.spi.lead.LeadRecord;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A lead as one flat row of {@code crm_lead}: the columns in table order, the values an update replaces, and the
 * score's explanation as one text column of {@code code<TAB>points} lines in the record's order (codes hold neither
 * tabs nor line breaks).
 */
final class LeadRows {
    /** Every column of {@code crm_lead}, in table order, as {@code l.<column>}. */
    static final String COLUMNS = "l.tenant_id, l.id, l.version, l.created_at, l.updated_at, l.given_name,"
            + " l.family_name, l.company_name, l.job_title, l.industry, l.employees, l.email, l.phone, l.country_code,"
            + " l.postcode, l.city, l.name_key, l.source, l.campaign_id, l.tracking_code, l.raw_submission, l.status,"
            + " l.disqualification_reason, l.budget, l.budget_currency, l.authority, l.need, l.timeline, l.score,"
            + " l.score_factors, l.owner_id, l.assigned_at, l.first_contact_due_at, l.first_contacted_at,"
            + " l.matched_customer_id, l.needs_review, l.converted_customer_id, l.converted_opportunity_id, l.closed_at,"
            + " l.idempotency_key";

    private LeadRows() {
    }

    /** The columns from updated_at to closed_at, in table order: what an update may replace. */
    static List<Object> changeable(LeadRecord l) {
        LeadDetails d = l.details();
        LeadAttribution a = l.attribution();
        Qualification q = l.qualification();
        return Arrays.asList(l.updatedAt(), d.givenName(), d.familyName(), d.companyName(), d.jobTitle(),
                d.industry(), d.employees(), d.email(), d.phone(), d.countryCode(), d.postcode(), d.city(), l.nameKey(),
                a.source(), a.campaignId(), a.trackingCode(), a.rawSubmission(), l.status(),
                l.disqualificationReason(), q.budget(), q.budgetCurrency(), q.authority(), q.need(), q.timeline(),
                l.score(), encode(l.scoreFactors()), l.ownerId(), l.assignedAt(), l.firstContactDueAt(),
                l.firstContactedAt(), l.matchedCustomerId(), l.needsReview(), l.convertedCustomerId(),
                l.convertedOpportunityId(), l.closedAt());
    }

    /** The factors as {@code code<TAB>points} lines; null for none. */
    static String encode(List<ScoreFactor> factors) {
        if (factors.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ScoreFactor factor : factors) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(factor.code()).append('\t').append(factor.points());
        }
        return text.toString();
    }

    static List<ScoreFactor> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<ScoreFactor> factors = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int tab = line.lastIndexOf('\t');
            factors.add(new ScoreFactor(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1))));
        }
        return factors;
    }

    static LeadRecord lead(Row r) throws SQLException {
        String tenantId = r.text("tenant_id");
        UUID id = r.id("id");
        long version = r.number("version");
        Instant createdAt = r.instant("created_at");
        Instant updatedAt = r.instant("updated_at");
        LeadDetails details = new LeadDetails(r.text("given_name"), r.text("family_name"), r.text("company_name"),
                r.text("job_title"), r.text("industry"), r.optionalInteger("employees"), r.text("email"),
                r.text("phone"), r.text("country_code"), r.text("postcode"), r.text("city"));
        String nameKey = r.text("name_key");
        LeadAttribution attribution = new LeadAttribution(r.enumValue(LeadSource.class, "source"), r.text("campaign_id"),
                r.text("tracking_code"), r.text("raw_submission"));
        LeadStatus status = r.enumValue(LeadStatus.class, "status");
        String reason = r.text("disqualification_reason");
        Qualification qualification = new Qualification(r.decimal("budget"), r.text("budget_currency"),
                r.optionalFlag("authority"), r.text("need"), r.date("timeline"));
        int score = r.integer("score");
        List<ScoreFactor> factors = decode(r.text("score_factors"));
        return new LeadRecord(tenantId, id, version, createdAt, updatedAt, details, nameKey, attribution, status,
                reason, qualification, score, factors, r.id("owner_id"), r.instant("assigned_at"),
                r.instant("first_contact_due_at"), r.instant("first_contacted_at"), r.id("matched_customer_id"),
                r.flag("needs_review"), r.id("converted_customer_id"), r.id("converted_opportunity_id"),
                r.instant("closed_at"), r.text("idempotency_key"));
    }
}
