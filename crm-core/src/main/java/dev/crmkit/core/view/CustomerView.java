package dev.crmkit.core.view;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.model.Page;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.loyalty.PurchaseSummary;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.ChannelActivity;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.lead.LeadRecord;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a user needs on one screen about a customer, read in one consistent pass: the profile, how to reach
 * them, whom they are related to, what is still to be done for them, how and when they were last in contact on
 * each channel, and the newest page of their timeline.
 *
 * @param profile the customer's master data
 * @param contactPoints e-mail addresses, phone numbers and postal addresses, by kind, primary first
 * @param relationships person-organization relationships the customer takes part in, at most
 *     {@link CustomerViewService#MAX_RELATIONSHIPS}
 * @param openFollowUps the earliest-due open follow-ups, at most {@link CustomerViewService#MAX_OPEN_FOLLOW_UPS}
 * @param moreOpenFollowUps whether further open follow-ups exist beyond those shown
 * @param channels per channel the customer was in contact on: the number of contacts and the last one, by channel
 * @param origins the leads the customer was converted from, in the order they converted, at most
 *     {@link CustomerViewService#MAX_ORIGINS}: source attribution that followed the lead to the customer
 * @param purchases what the customer bought, per currency (by currency code): orders, first and last order, spent and
 *     refunded; empty when the storage keeps no purchases
 * @param suspectedDuplicates the open suspected duplicate pairs the customer is in, highest score first, at most
 *     {@link CustomerViewService#MAX_SUSPECTED_DUPLICATES}; a reviewer merges or dismisses them through
 *     {@link dev.crmkit.core.customer.CustomerService#suspectedDuplicates}
 * @param timeline the newest page of the timeline; its cursor continues with
 *     {@link dev.crmkit.core.touchpoint.TouchPointService#timeline}
 */
public record CustomerView(
        Profile profile,
        List<ContactPoint> contactPoints,
        List<Relationship> relationships,
        List<FollowUp> openFollowUps,
        boolean moreOpenFollowUps,
        List<ChannelContact> channels,
        List<Origin> origins,
        List<PurchaseTotals> purchases,
        List<SuspectedDuplicate> suspectedDuplicates,
        Page<Interaction> timeline) {

    /** Copies the lists, so a view never changes after it was made. */
    public CustomerView {
        contactPoints = List.copyOf(contactPoints);
        relationships = List.copyOf(relationships);
        openFollowUps = List.copyOf(openFollowUps);
        channels = List.copyOf(channels);
        origins = List.copyOf(origins);
        purchases = List.copyOf(purchases);
        suspectedDuplicates = List.copyOf(suspectedDuplicates);
    }

    /**
     * An open suspicion that the customer and another are one party: the pair (its id and version, which a decision
     * names), the other customer, the score, the reasons (the matching rules' codes, {@code SAME_EMAIL} ...), which
     * path found it and when.
     */
    public record SuspectedDuplicate(UUID pairId, long version, UUID otherCustomerId, double score,
            Set<String> reasons, DuplicateSource source, Instant foundAt) {

        /** Copies the reasons. */
        public SuspectedDuplicate {
            reasons = Set.copyOf(reasons);
        }

        static SuspectedDuplicate of(DuplicatePairRecord p, UUID customerId) {
            return new SuspectedDuplicate(p.id(), p.version(), p.otherThan(customerId), p.evidence().score(),
                    p.evidence().reasons(), p.evidence().source(), p.evidence().foundAt());
        }
    }

    /**
     * What the customer's orders in one currency add up to (recency, frequency and monetary value), as the host
     * reported them through the loyalty domain's purchases.
     *
     * @param orders how many orders, returned ones included
     * @param firstPurchaseAt when the first was placed
     * @param lastPurchaseAt when the last was placed
     * @param spent what the orders cost
     * @param refunded what their returns refunded
     */
    public record PurchaseTotals(long orders, Instant firstPurchaseAt, Instant lastPurchaseAt, Money spent,
            Money refunded) {

        static PurchaseTotals of(PurchaseSummary s) {
            Currency currency = Currency.getInstance(s.currency());
            return new PurchaseTotals(s.orders(), s.firstPurchaseAt(), s.lastPurchaseAt(),
                    new Money(s.spent(), currency), new Money(s.refunded(), currency));
        }

        /** What the customer kept: spent less refunded. */
        public Money net() {
            return spent.minus(refunded);
        }
    }

    /** The customer's master data. */
    public record Profile(
            UUID id,
            PartyKind kind,
            String displayName,
            String givenName,
            String familyName,
            String organizationName,
            String externalRef,
            LifecycleStage lifecycleStage,
            UUID ownerId,
            Set<String> tags,
            Map<String, CustomFieldValue> customFields,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static Profile of(CustomerRecord c) {
            return new Profile(c.id(), c.kind(), c.displayName(), c.givenName(), c.familyName(),
                    c.organizationName(), c.externalRef(), c.lifecycleStage(), c.ownerId(), c.tags(),
                    c.customFields(), c.createdAt(), c.updatedAt(), c.version());
        }
    }

    /** One way to reach the customer; {@code address} is present exactly for postal contact points. */
    public record ContactPoint(UUID id, ContactPointKind kind, String label, String value, PostalAddress address,
            boolean primary) {

        static ContactPoint of(ContactPointRecord c) {
            return new ContactPoint(c.id(), c.kind(), c.label(), c.value(), c.address(), c.primary());
        }
    }

    /**
     * A relationship the customer takes part in, seen from the customer: the other party's id and display name
     * (null when that customer no longer exists), the role, and whether the customer is the person (else the
     * organization) in it.
     */
    public record Relationship(UUID id, String role, boolean customerIsPerson, UUID counterpartId,
            String counterpartName) {
    }

    /**
     * A lead the customer was converted from: its source, campaign and tracking code, when it was captured and when
     * it converted, and the opportunity the conversion opened (null if none).
     */
    public record Origin(UUID leadId, LeadSource source, String campaignId, String trackingCode, Instant capturedAt,
            Instant convertedAt, UUID opportunityId) {

        static Origin of(LeadRecord lead) {
            return new Origin(lead.id(), lead.attribution().source(), lead.attribution().campaignId(),
                    lead.attribution().trackingCode(), lead.createdAt(), lead.closedAt(), lead.convertedOpportunityId());
        }
    }

    /** How often the customer was in contact on a channel, and when last. */
    public record ChannelContact(Channel channel, long contacts, Instant lastContactAt) {

        static ChannelContact of(ChannelActivity activity) {
            return new ChannelContact(activity.channel(), activity.count(), activity.lastOccurredAt());
        }
    }
}
