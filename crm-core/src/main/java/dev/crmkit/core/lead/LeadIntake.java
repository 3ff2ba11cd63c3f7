package dev.crmkit.core.lead;

import dev.crmkit.core.common.Text;
import dev.crmkit.core.customer.ContactValues;
import dev.crmkit.core.customer.DuplicateCandidate;
import dev.crmkit.core.customer.MatchSettings;
import dev.crmkit.core.customer.PartyProfile;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The way in for a lead: its contact data normalized as for customers, and the matches among the open leads and
 * customers the customer matching rules connect it to.
 */
final class LeadIntake {
    /**
     * The scope of the idempotency keys of submissions merged into an existing lead ({@code IdempotencyStore}); a
     * submission stored as a lead of its own keeps its key on the lead.
     */
    static final String MERGED_SCOPE = "lead.capture";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ContactValues contacts;

    LeadIntake(ContactValues contacts) {
        this.contacts = contacts;
    }

    /** The details of a capture, normalized and validated; every error names its field. */
    LeadDetails details(CaptureLead c) {
        String country = c.countryCode() == null ? null : Checks.text("countryCode", c.countryCode(), 2).strip()
                .toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            throw new ValidationException("countryCode", "must be an assigned ISO 3166-1 alpha-2 code");
        }
        return new LeadDetails(stripped("givenName", c.givenName(), 100), stripped("familyName", c.familyName(), 100),
                stripped("companyName", c.companyName(), 200), stripped("jobTitle", c.jobTitle(), 100),
                stripped("industry", c.industry(), 64), c.employees(),
                c.email() == null ? null : contacts.email("email", c.email()),
                c.phone() == null ? null : contacts.phone("phone", c.phone()), country,
                stripped("postcode", c.postcode(), 20), stripped("city", c.city(), 100));
    }

    /** The details {@code change} leaves a lead with, as a capture to normalize. */
    static CaptureLead corrected(LeadDetails stored, UpdateLeadDetails change) {
        return new CaptureLead(dev.crmkit.model.lead.LeadSource.OTHER, part(change.givenName(), stored.givenName()),
                part(change.familyName(), stored.familyName()), part(change.companyName(), stored.companyName()),
                part(change.jobTitle(), stored.jobTitle()), part(change.industry(), stored.industry()),
                change.employees() != null ? change.employees() : stored.employees(),
                part(change.email(), stored.email()), part(change.phone(), stored.phone()),
                part(change.countryCode(), stored.countryCode()), part(change.postcode(), stored.postcode()),
                part(change.city(), stored.city()), null, null, null, null);
    }

    /** A detail after a change: null keeps the stored value, blank clears it, anything else replaces it. */
    private static String part(String changed, String stored) {
        if (changed == null) {
            return stored;
        }
        return changed.isBlank() ? null : changed;
    }

    LeadAttribution attribution(CaptureLead c) {
        return new LeadAttribution(c.source(), stripped("campaignId", c.campaignId(), 100),
                stripped("trackingCode", c.trackingCode(), 200), c.rawSubmission());
    }

    private static String stripped(String field, String value, int max) {
        return Text.optional(field, value, max);
    }

    /** The party the matching rules compare, for a lead with these details. */
    static PartyProfile profile(UUID id, LeadDetails d) {
        boolean person = d.familyName() != null || d.givenName() != null;
        String postcode = d.countryCode() == null ? null : ContactValues.postcodeKey(d.countryCode(), d.postcode());
        return new PartyProfile(id, person ? PartyKind.PERSON : PartyKind.ORGANIZATION, d.displayName(),
                d.givenName(), d.familyName(), d.companyName(),
                d.email() == null ? Set.of() : Set.of(d.email()), d.phone() == null ? Set.of() : Set.of(d.phone()),
                postcode == null ? Set.of() : Set.of(postcode));
    }

    /**
     * The matches of a party among open leads and customers found for it: the leads the rules connect it to with the
     * tenant's matching settings (weights and possible threshold, as for its customers), and the customers, best
     * score first.
     */
    static List<LeadMatch> matches(PartyProfile party, Collection<LeadRecord> openLeads,
            List<DuplicateCandidate> customers, MatchSettings matching) {
        List<LeadMatch> matches = new ArrayList<>();
        for (LeadRecord other : openLeads) {
            if (other.id().equals(party.id())) {
                continue;
            }
            PartyProfile otherParty = profile(other.id(), other.details());
            // a match as findMatches has one with customers: a score of at least the possible threshold, whatever
            // reasons the fields that agreed give (an equal name alone gives none, yet a tenant may weigh it so)
            double score = party.scoreAgainst(otherParty, matching);
            if (score >= matching.possibleThreshold()) {
                matches.add(new LeadMatch(LeadMatch.Kind.LEAD, other.id(), score,
                        party.reasonsToMatch(otherParty, matching)));
            }
        }
        for (DuplicateCandidate candidate : customers) {
            matches.add(new LeadMatch(LeadMatch.Kind.CUSTOMER, candidate.customerId(), candidate.score(),
                    candidate.reasons()));
        }
        matches.sort(Comparator.comparingDouble(LeadMatch::score).reversed()
                .thenComparing(LeadMatch::kind).thenComparing(LeadMatch::id, Ids.ORDER));
        return matches;
    }

    /** The touch point a resubmission leaves on the open lead it was merged into, its raw submission as summary. */
    static InteractionRecord resubmission(String tenantId, UUID interactionId, UUID leadId,
            LeadAttribution attribution, Instant now) {
        String raw = attribution.rawSubmission();
        String summary = raw == null ? null : raw.substring(0, Math.min(4000, raw.length()));
        return new InteractionRecord(tenantId, interactionId, 1, now, now, leadId,
                LeadSources.channelOf(attribution.source()), Direction.INBOUND, Purpose.SALES, "resubmitted", null,
                summary, now, null);
    }
}
