package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.OTHER_TENANT;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.messaging.Message;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.spi.customer.ContactPointRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notice of a coming expiry: opt-in per tenant, 30 days ahead here, by e-mail unless the settings say SMS; once per
 * lot (fixed policy) or per membership and expiry date (activity-based), checked again when its work runs. A visit
 * awards 10 qualifying and 100 redeemable points, a coffee costs 150.
 */
class ExpiryNoticeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration AHEAD = Duration.ofDays(30);

    private LoyaltyFixtures fixtures = new LoyaltyFixtures(ExpiryNoticeSettings.forTenants(Set.of(TENANT)));
    private LoyaltyService loyalty = fixtures.loyalty();
    private int visits;
    private boolean defined;

    private Membership memberUnder(UUID customer, ExpiryPolicy policy) {
        if (!defined) {
            defined = true;
            loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                    .withActivity("visit", new ActivityAward(10, 100)).withExpiry(policy)));
        }
        return loyalty.enrol(EnrolMember.of(customer, "club"));
    }

    private LedgerEntry visit(Membership member) {
        visits++;
        return loyalty.award(AwardActivity.of(member.id(), "visit", "visit-" + visits, "visit-" + visits));
    }

    private UUID customerWith(ContactPointKind kind, String value) {
        UUID customer = fixtures.customer();
        contact(customer, kind, value, true);
        return customer;
    }

    private void contact(UUID customer, ContactPointKind kind, String value, boolean primary) {
        Instant now = fixtures.clock.instant();
        fixtures.storage.contactPoints().insert(new ContactPointRecord(TENANT, UUID.randomUUID(), 1, now, now,
                customer, kind, null, value, null, primary));
    }

    private static Instant monthsAfter(Instant at, int months) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    private void runDueWorkAt(Instant moment) {
        fixtures.clock.advance(Duration.between(fixtures.clock.instant(), moment));
        fixtures.crm.scheduler().runDueWork();
        fixtures.relayWithReactions();
    }

    private List<JsonNode> notices() {
        return fixtures.relayWithReactions().stream().filter(e -> e.type().equals("loyalty.expiry.notified"))
                .map(PublishedEvent::payload).map(JSON::readTree).toList();
    }

    private List<Message> messagesOf(UUID customer) {
        return fixtures.crm.tenant(TENANT).service(MessageService.class)
                .messagesOf(customer, MessageFilter.everything(), PageRequest.first(10)).items();
    }

    @Test
    void a_lot_is_notified_once_by_email_its_days_ahead_of_its_fixed_expiry() {
        UUID customer = customerWith(ContactPointKind.EMAIL, "anna@example.com");
        contact(customer, ContactPointKind.EMAIL, "old@example.com", false);
        Membership member = memberUnder(customer, ExpiryPolicy.fixed(12));
        LedgerEntry lot = visit(member);
        Instant expiresAt = monthsAfter(START, 12);

        runDueWorkAt(expiresAt.minus(AHEAD).minusSeconds(1));
        assertThat(notices()).as("not yet due").isEmpty();
        runDueWorkAt(expiresAt.minus(AHEAD));

        JsonNode notice = notices().get(0);
        assertThat(notices()).hasSize(1);
        assertThat(notice.get("membershipId").asString()).isEqualTo(member.id().toString());
        assertThat(notice.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(notice.get("lotEntryId").asString()).isEqualTo(lot.id().toString());
        assertThat(notice.get("policy").asString()).isEqualTo("FIXED");
        assertThat(notice.get("redeemablePoints").asLong()).isEqualTo(100);
        assertThat(Instant.parse(notice.get("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(notice.toString()).doesNotContain("anna");
        Message message = messagesOf(customer).get(0);
        assertThat(messagesOf(customer)).hasSize(1);
        assertThat(message.kind()).isEqualTo(ChannelKind.EMAIL);
        assertThat(message.recipient().address()).as("the primary address").isEqualTo("anna@example.com");
        assertThat(message.content().subject()).isEqualTo("Your points expire on 2027-03-02");
        assertThat(message.content().body()).startsWith("100 of your points expire on 2027-03-02");
        assertThat(message.origin().code()).isEqualTo(ExpiryNotices.SCOPE);
        assertThat(message.origin().id()).isEqualTo(member.id());

        runDueWorkAt(expiresAt.minus(AHEAD).plus(Duration.ofHours(1)));
        runDueWorkAt(expiresAt);
        assertThat(notices()).as("once per lot").hasSize(1);
        assertThat(messagesOf(customer)).hasSize(1);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).as("and then it expires").isZero();
    }

    @Test
    void a_lot_spent_meanwhile_is_not_notified_and_one_half_spent_is_notified_for_what_is_left() {
        UUID customer = customerWith(ContactPointKind.EMAIL, "anna@example.com");
        Membership member = memberUnder(customer, ExpiryPolicy.fixed(12));
        visit(member);
        fixtures.clock.advance(Duration.ofDays(1));
        LedgerEntry younger = visit(member);
        loyalty.redeem(RedeemReward.of(member.id(), "coffee", "coffee-1"));   // takes the older lot whole, 50 more

        runDueWorkAt(monthsAfter(START, 12).minus(AHEAD));
        assertThat(notices()).as("the older lot is spent").isEmpty();
        runDueWorkAt(monthsAfter(START.plus(Duration.ofDays(1)), 12).minus(AHEAD));

        assertThat(notices()).singleElement().satisfies(n -> {
            assertThat(n.get("lotEntryId").asString()).isEqualTo(younger.id().toString());
            assertThat(n.get("redeemablePoints").asLong()).isEqualTo(50);
        });
        assertThat(messagesOf(customer)).singleElement()
                .satisfies(m -> assertThat(m.content().body()).startsWith("50 of your points"));
    }

    @Test
    void under_an_activity_based_policy_the_notice_moves_with_each_activity_and_names_the_expiry_date() {
        UUID customer = customerWith(ContactPointKind.EMAIL, "anna@example.com");
        Membership member = memberUnder(customer, ExpiryPolicy.afterInactivity(12));
        visit(member);
        runDueWorkAt(monthsAfter(START, 6));
        LedgerEntry last = visit(member);
        Instant expiresAt = monthsAfter(monthsAfter(START, 6), 12);

        runDueWorkAt(monthsAfter(START, 12).minus(AHEAD));
        assertThat(notices()).as("the member was active since").isEmpty();
        runDueWorkAt(expiresAt.minus(AHEAD));

        assertThat(notices()).singleElement().satisfies(n -> {
            assertThat(n.get("lotEntryId").asString()).isEqualTo(last.id().toString());
            assertThat(n.get("policy").asString()).isEqualTo("ACTIVITY");
            assertThat(n.get("redeemablePoints").asLong()).isEqualTo(200);
            assertThat(Instant.parse(n.get("expiresAt").asString())).isEqualTo(expiresAt);
        });
        runDueWorkAt(expiresAt);
        assertThat(notices()).hasSize(1);
        assertThat(messagesOf(customer)).hasSize(1);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isZero();
    }

    @Test
    void an_activity_based_notice_is_sent_again_for_a_later_expiry_date() {
        UUID customer = customerWith(ContactPointKind.EMAIL, "anna@example.com");
        Membership member = memberUnder(customer, ExpiryPolicy.afterInactivity(12));
        visit(member);
        runDueWorkAt(monthsAfter(START, 12).minus(AHEAD));
        assertThat(notices()).hasSize(1);

        visit(member);   // the member came back after the notice: a new expiry date
        runDueWorkAt(monthsAfter(fixtures.clock.instant(), 12).minus(AHEAD));

        assertThat(notices()).as("one per membership and expiry date").hasSize(2);
        assertThat(messagesOf(customer)).hasSize(2);
    }

    @Test
    void an_sms_notice_goes_to_the_members_phone() {
        fixtures = new LoyaltyFixtures(ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withChannel(ChannelKind.SMS)
                .withAhead(Duration.ofDays(7)));
        loyalty = fixtures.loyalty();
        UUID customer = customerWith(ContactPointKind.PHONE, "+4915112345678");
        contact(customer, ContactPointKind.EMAIL, "anna@example.com", true);
        Membership member = memberUnder(customer, ExpiryPolicy.fixed(1));
        visit(member);

        runDueWorkAt(monthsAfter(START, 1).minus(Duration.ofDays(7)));

        assertThat(messagesOf(customer)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ChannelKind.SMS);
            assertThat(m.recipient().address()).isEqualTo("+4915112345678");
            assertThat(m.content().body()).startsWith("100 of your points expire on 2026-04-02");
        });
    }

    @Test
    void other_tenants_members_without_an_address_closed_memberships_and_lapsed_policies_get_no_notice() {
        UUID noAddress = fixtures.customer();
        Membership silent = memberUnder(noAddress, ExpiryPolicy.fixed(12));
        visit(silent);
        UUID closing = customerWith(ContactPointKind.EMAIL, "closing@example.com");
        Membership closed = memberUnder(closing, ExpiryPolicy.fixed(12));
        visit(closed);
        loyalty.close(closed.id());
        UUID phoneOnly = customerWith(ContactPointKind.PHONE, "+4915112345678");
        visit(memberUnder(phoneOnly, ExpiryPolicy.fixed(12)));
        UUID other = fixtures.customerOf(OTHER_TENANT, null);
        LoyaltyService globex = fixtures.crm.tenant(OTHER_TENANT).service(LoyaltyService.class);
        globex.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withActivity("visit", new ActivityAward(10, 100)).withExpiry(ExpiryPolicy.fixed(12))));
        Membership elsewhere = globex.enrol(EnrolMember.of(other, "club"));
        globex.award(AwardActivity.of(elsewhere.id(), "visit", "v-1", "v-1"));

        runDueWorkAt(monthsAfter(START, 12).minus(AHEAD));

        assertThat(notices()).isEmpty();
        assertThat(messagesOf(noAddress)).isEmpty();
        assertThat(messagesOf(closing)).isEmpty();
        assertThat(messagesOf(phoneOnly)).as("an e-mail notice needs an e-mail address").isEmpty();
        assertThat(fixtures.storage.dueWork().find(OTHER_TENANT, ExpiryNotices.LOT_DUE, elsewhere.id().toString()))
                .isEmpty();
    }

    @Test
    void a_programme_revised_to_no_expiry_sends_no_notice_for_its_earlier_lots() {
        UUID customer = customerWith(ContactPointKind.EMAIL, "anna@example.com");
        Membership member = memberUnder(customer, ExpiryPolicy.fixed(12));
        visit(member);
        loyalty.reviseProgramme(ReviseProgramme.of("club", 1, ProgrammeRules.earning("EUR", "1")
                .withActivity("visit", new ActivityAward(10, 100))));

        runDueWorkAt(monthsAfter(START, 12).minus(AHEAD));

        assertThat(notices()).isEmpty();
        assertThat(messagesOf(customer)).isEmpty();
        assertThat(fixtures.sums(member.id()).redeemablePoints()).isEqualTo(100);
        assertThat(loyalty.ledger(member.id(), PageRequest.first(10)).items())
                .noneMatch(e -> e.kind() == LedgerEntryKind.EXPIRY);
    }

    @Test
    void bad_settings_are_refused_naming_the_field() {
        assertThatThrownBy(() -> ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withAhead(Duration.ofHours(23)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ahead"));
        assertThatThrownBy(() -> ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withAhead(Duration.ofDays(366)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ahead"));
        assertThat(ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withAhead(Duration.ofDays(365)).ahead())
                .isEqualTo(Duration.ofDays(365));
        assertThat(ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withAhead(Duration.ofDays(1)).ahead())
                .isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withChannel(ChannelKind.PUSH))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("channel"));
        assertThatThrownBy(() -> ExpiryNoticeSettings.forTenants(Set.of(TENANT)).withChannel(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("channel"));
        assertThatThrownBy(() -> ExpiryNoticeSettings.forTenants(Set.of("Bad Tenant!")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tenantId"));
        assertThatThrownBy(() -> LoyaltyModule.builder().expiryNotices(null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expiryNotices"));
        assertThat(ExpiryNoticeSettings.none().notifies(TENANT)).isFalse();
        assertThat(new LoyaltyModule().requires()).containsExactly("customer");
        assertThat(LoyaltyModule.builder().expiryNotices(ExpiryNoticeSettings.forTenants(Set.of(TENANT))).build()
                .requires()).containsExactlyInAnyOrder("customer", "messaging");
    }
}
