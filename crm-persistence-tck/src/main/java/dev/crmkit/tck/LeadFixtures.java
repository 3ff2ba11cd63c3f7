package dev.crmkit.tck;

import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadRotationRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Leads the lead contracts store: a web-form enquiry, a lead with every part filled in (non-ASCII text in several
 * scripts, a budget with trailing decimal zeros, an unsorted score explanation), a bare import row, and the
 * variations tests need (another id, key, creation time, source, owner, contact values, a closed state).
 */
final class LeadFixtures {
    private static final Instant NOW = ContractSupport.NOW;

    private LeadFixtures() {
    }

    /** A new, unassigned lead from the web form: a person with e-mail, phone and name key, nothing qualified yet. */
    static LeadRecord webFormLead(String tenantId) {
        return new LeadRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW,
                new LeadDetails("Mia", "Schröder", null, null, null, null, "mia.schroeder@example.de", "+4930123456",
                        "DE", null, null),
                "schroder mia", LeadAttribution.of(LeadSource.WEB_FORM), LeadStatus.NEW, null, Qualification.unknown(),
                0, List.of(), null, null, null, null, null, false, null, null, null, null);
    }

    /** A lead from an import with nothing but a company name: every optional part null or empty. */
    static LeadRecord bareImportedLead(String tenantId) {
        return new LeadRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW,
                new LeadDetails(null, null, "Globex", null, null, null, null, null, null, null, null),
                null, LeadAttribution.of(LeadSource.IMPORT), LeadStatus.NEW, null, Qualification.unknown(), 0,
                List.of(), null, null, null, null, null, false, null, null, null, null);
    }

    /** A converted lead with every field set, text in several scripts, and a score explained out of code order. */
    static LeadRecord fullyWorkedLead(String tenantId) {
        LeadDetails details = new LeadDetails("Zoë", "Ångström-Øberg", "Šķoda Überseehandel 株式会社", "Einkäuferin",
                "Maschinenbau", 250, "zoe.angstrom@skoda-ueberseehandel.example", "+41445551234", "CH", "8001",
                "Zürich");
        String raw = "{\"name\":\"Zoë Ångström-Øberg\",\"firma\":\"Šķoda 株式会社\",\"nachricht\":\"Привет – "
                + "γειά σου 👋\",\"tab\":\"a\\tb\"}\nline two";
        LeadAttribution attribution = new LeadAttribution(LeadSource.CAMPAIGN_RESPONSE, "spring-fair-2026",
                "utm_source=newsletter&utm_medium=email&utm_campaign=frühling", raw);
        Qualification qualification = new Qualification(new BigDecimal("1234.5600"), "EUR", true,
                "Ersatz für 40 Drehmaschinen – 需要 in Q3", LocalDate.of(2026, 9, 30));
        List<ScoreFactor> factors = List.of(new ScoreFactor("fit.size", 20), new ScoreFactor("engagement.inbound", 35),
                new ScoreFactor("fit.industry", -5), new ScoreFactor("ähnlichkeit.名前", 37));
        return new LeadRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW.plusMillis(1), details, "angstrom oberg zoe",
                attribution, LeadStatus.CONVERTED, null, qualification, 87, factors, UUID.randomUUID(),
                NOW.plusSeconds(5), NOW.plus(Duration.ofHours(4)), NOW.plus(Duration.ofMinutes(30)),
                UUID.randomUUID(), true, UUID.randomUUID(), UUID.randomUUID(), NOW.plus(Duration.ofDays(9)),
                "capture-7f3a-ÅØ");
    }

    /** The lead with another id. */
    static LeadRecord withId(LeadRecord l, UUID id) {
        return new LeadRecord(l.tenantId(), id, l.version(), l.createdAt(), l.updatedAt(), l.details(), l.nameKey(),
                l.attribution(), l.status(), l.disqualificationReason(), l.qualification(), l.score(), l.scoreFactors(),
                l.ownerId(), l.assignedAt(), l.firstContactDueAt(), l.firstContactedAt(), l.matchedCustomerId(),
                l.needsReview(), l.convertedCustomerId(), l.convertedOpportunityId(), l.closedAt(), l.idempotencyKey());
    }

    /** The lead captured with an idempotency key. */
    static LeadRecord withIdempotencyKey(LeadRecord l, String key) {
        return new LeadRecord(l.tenantId(), l.id(), l.version(), l.createdAt(), l.updatedAt(), l.details(),
                l.nameKey(), l.attribution(), l.status(), l.disqualificationReason(), l.qualification(), l.score(),
                l.scoreFactors(), l.ownerId(), l.assignedAt(), l.firstContactDueAt(), l.firstContactedAt(),
                l.matchedCustomerId(), l.needsReview(), l.convertedCustomerId(), l.convertedOpportunityId(),
                l.closedAt(), key);
    }

    /** The lead created (and last changed) at another time. */
    static LeadRecord createdAt(LeadRecord l, Instant at) {
        return new LeadRecord(l.tenantId(), l.id(), l.version(), at, at, l.details(), l.nameKey(), l.attribution(),
                l.status(), l.disqualificationReason(), l.qualification(), l.score(), l.scoreFactors(), l.ownerId(),
                l.assignedAt(), l.firstContactDueAt(), l.firstContactedAt(), l.matchedCustomerId(), l.needsReview(),
                l.convertedCustomerId(), l.convertedOpportunityId(), l.closedAt(), l.idempotencyKey());
    }

    /** The lead at another version, as a caller might (wrongly) hand it to insert. */
    static LeadRecord atVersion(LeadRecord l, long version) {
        return l.atVersion(version, l.createdAt());
    }

    /** The lead from another source. */
    static LeadRecord fromSource(LeadRecord l, LeadSource source) {
        return new LeadRecord(l.tenantId(), l.id(), l.version(), l.createdAt(), l.updatedAt(), l.details(),
                l.nameKey(), LeadAttribution.of(source), l.status(), l.disqualificationReason(), l.qualification(),
                l.score(), l.scoreFactors(), l.ownerId(), l.assignedAt(), l.firstContactDueAt(), l.firstContactedAt(),
                l.matchedCustomerId(), l.needsReview(), l.convertedCustomerId(), l.convertedOpportunityId(),
                l.closedAt(), l.idempotencyKey());
    }

    /** The lead reachable at these contact values and name key (each may be null). */
    static LeadRecord reachableAt(LeadRecord l, String email, String phone, String nameKey) {
        LeadDetails d = l.details();
        return l.withDetails(new LeadDetails(d.givenName(), d.familyName(), "Initech", d.jobTitle(), d.industry(),
                d.employees(), email, phone, d.countryCode(), d.postcode(), d.city()), nameKey);
    }

    /** The lead assigned to a team member. */
    static LeadRecord ownedBy(LeadRecord l, UUID ownerId) {
        return l.withOwner(ownerId, NOW.plusSeconds(1));
    }

    /** The lead in an open state other than new. */
    static LeadRecord inState(LeadRecord l, LeadStatus open) {
        return l.withStatus(open, null, null, null, null);
    }

    /** The lead disqualified for having no budget: closed. */
    static LeadRecord disqualified(LeadRecord l) {
        return l.withStatus(LeadStatus.DISQUALIFIED, "kein Budget – no budget", null, null, NOW.plusSeconds(60));
    }

    /** The lead converted into a customer without an opportunity: closed. */
    static LeadRecord converted(LeadRecord l) {
        return l.withStatus(LeadStatus.CONVERTED, null, UUID.randomUUID(), null, NOW.plusSeconds(60));
    }

    /** The first distribution state of a pool, last handed to {@code memberId}. */
    static LeadRotationRecord rotation(String tenantId, String pool, UUID memberId) {
        return new LeadRotationRecord(tenantId, pool, memberId, 1);
    }

    /** An id whose first bit is set, so it sorts last unsigned (as ids order) but first as a signed number. */
    static UUID highId(int n) {
        return new UUID(0xF000_0000_0000_0000L + n, n);
    }

    /** An id whose first bit is clear. */
    static UUID lowId(int n) {
        return new UUID(0x1000_0000_0000_0000L + n, n);
    }
}
