package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.lead.CaptureLead;
import dev.crmkit.core.lead.CaptureOutcome;
import dev.crmkit.core.lead.CaptureResult;
import dev.crmkit.core.lead.LeadModule;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.lead.LeadSettings;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.team.TeamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * CRMKit's side of the lead-capture benchmark: {@code LeadService.captureAll} in batches of
 * {@link LeadCaptureBenchmark#BATCH} submissions, as a list upload would call it, with the default settings:
 * merge-and-link de-duplication against open leads and customers, the fit and engagement scoring rules, a
 * first-contact target, and round-robin assignment.
 */
final class CrmKitLeadCapture {
    static final int REPS = 5;
    static final int REP_CAPACITY = 10_000;

    private final TenantCrm tenant;

    CrmKitLeadCapture(JdbcStorage storage, String tenantId) {
        Crm crm = Crm.builder().storage(storage).defaultPhoneRegion("DE")
                .module(LeadModule.builder().settings(LeadSettings.defaults()).build()).build();
        this.tenant = crm.tenant(tenantId);
    }

    /** Adds the sales reps leads are distributed among; returns their ids in the order added. */
    List<UUID> addSalesReps() {
        List<UUID> ids = new ArrayList<>();
        for (int r = 0; r < REPS; r++) {
            ids.add(tenant.service(TeamService.class).add(MemberDetails.of("rep-" + r, "Sales Rep " + r, TeamRole.SALES_REP)
                    .withCapacity(REP_CAPACITY)).id());
        }
        return ids;
    }

    /** Captures the submissions numbered {@code first} to {@code first + leads - 1}; returns how many were merged. */
    int capture(int first, int leads) {
        int merged = 0;
        for (int from = first; from < first + leads; from += LeadCaptureBenchmark.BATCH) {
            List<CaptureLead> batch = new ArrayList<>();
            for (int i = from; i < Math.min(first + leads, from + LeadCaptureBenchmark.BATCH); i++) {
                batch.add(command(GeneratedLeads.number(i)));
            }
            List<CaptureResult> results = tenant.service(LeadService.class).captureAll(batch);
            for (int i = 0; i < results.size(); i++) {
                CaptureOutcome outcome = results.get(i).outcome();
                if (outcome == CaptureOutcome.MERGED) {
                    merged++;
                } else if (outcome != CaptureOutcome.CREATED) {
                    throw new IllegalStateException("lead " + (from + i) + " was " + outcome);
                }
            }
        }
        return merged;
    }

    /**
     * Captures the submissions numbered {@code first} to {@code first + leads - 1} one {@code LeadService.capture}
     * call each, as a web form posts them; returns how many were merged.
     */
    int captureOneByOne(int first, int leads) {
        int merged = 0;
        LeadService service = tenant.service(LeadService.class);
        for (int i = first; i < first + leads; i++) {
            CaptureOutcome outcome = service.capture(command(GeneratedLeads.number(i))).outcome();
            if (outcome == CaptureOutcome.MERGED) {
                merged++;
            } else if (outcome != CaptureOutcome.CREATED) {
                throw new IllegalStateException("lead " + i + " was " + outcome);
            }
        }
        return merged;
    }

    private static CaptureLead command(GeneratedLeads.Submission s) {
        return CaptureLead.from(s.source())
                .withPerson(s.givenName(), s.familyName())
                .withCompany(s.companyName(), s.industry(), s.employees())
                .withJobTitle(s.jobTitle())
                .withEmail(s.email())
                .withPhone(s.phone())
                .withLocation(s.countryCode(), s.postcode(), s.city())
                .withCampaign(s.campaignId(), s.trackingCode())
                .withRawSubmission(s.rawSubmission())
                .withIdempotencyKey(s.idempotencyKey());
    }
}
