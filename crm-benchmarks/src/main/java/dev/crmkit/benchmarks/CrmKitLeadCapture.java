package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.lead.CaptureLead;
import dev.crmkit.core.lead.CaptureOutcome;
import dev.crmkit.core.lead.LeadSettings;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.spi.team.TeamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * CRMKit's side of the lead-capture benchmark: {@code LeadService.capture} one lead at a time, as a web form or a
 * list upload would call it, with the default settings: merge-and-link de-duplication against open leads and
 * customers, the fit and engagement scoring rules, a first-contact target, and round-robin assignment.
 */
final class CrmKitLeadCapture {
    static final int REPS = 5;
    static final int REP_CAPACITY = 10_000;

    private final TenantCrm tenant;

    CrmKitLeadCapture(JdbcStorage storage, String tenantId) {
        Crm crm = Crm.builder().storage(storage).defaultPhoneRegion("DE").leadSettings(LeadSettings.defaults()).build();
        this.tenant = crm.tenant(tenantId);
    }

    /** Adds the sales reps leads are distributed among; returns their ids in the order added. */
    List<UUID> addSalesReps() {
        List<UUID> ids = new ArrayList<>();
        for (int r = 0; r < REPS; r++) {
            ids.add(tenant.teams().add(MemberDetails.of("rep-" + r, "Sales Rep " + r, TeamRole.SALES_REP)
                    .withCapacity(REP_CAPACITY)).id());
        }
        return ids;
    }

    /** Captures the submissions numbered {@code first} to {@code first + leads - 1}; returns how many were merged. */
    int capture(int first, int leads) {
        int merged = 0;
        for (int i = first; i < first + leads; i++) {
            GeneratedLeads.Submission s = GeneratedLeads.number(i);
            CaptureOutcome outcome = tenant.leads().capture(CaptureLead.from(s.source())
                    .withPerson(s.givenName(), s.familyName())
                    .withCompany(s.companyName(), s.industry(), s.employees())
                    .withJobTitle(s.jobTitle())
                    .withEmail(s.email())
                    .withPhone(s.phone())
                    .withLocation(s.countryCode(), s.postcode(), s.city())
                    .withCampaign(s.campaignId(), s.trackingCode())
                    .withRawSubmission(s.rawSubmission())
                    .withIdempotencyKey(s.idempotencyKey())).outcome();
            if (outcome == CaptureOutcome.MERGED) {
                merged++;
            } else if (outcome != CaptureOutcome.CREATED) {
                throw new IllegalStateException("lead " + i + " was " + outcome);
            }
        }
        return merged;
    }
}
