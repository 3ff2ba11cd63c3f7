package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.webOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Redeemable points expire under the programme's policy, run by the due-work scheduler: under a fixed policy each lot
 * its months after it was posted, as far as spending (oldest lots first) left it; under an activity-based one all of
 * them after its months without activity. A visit awards 10 qualifying and 100 redeemable points here, a coffee costs
 * 150.
 */
class PointsExpiryTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final UUID customer = fixtures.customer();
    private int visits;

    private Membership memberUnder(ExpiryPolicy policy) {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withActivity("visit", new ActivityAward(10, 100)).withExpiry(policy)));
        return loyalty.enrol(EnrolMember.of(customer, "club"));
    }

    private LedgerEntry visit(Membership member) {
        visits++;
        return loyalty.award(AwardActivity.of(member.id(), "visit", "visit-" + visits, "visit-" + visits));
    }

    private static Instant monthsAfter(Instant at, int months) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    private void at(Instant moment) {
        fixtures.clock.advance(Duration.between(fixtures.clock.instant(), moment));
    }

    private void runDueWorkAt(Instant moment) {
        at(moment);
        fixtures.crm.scheduler().runDueWork();
    }

    private List<LedgerEntry> expiries(UUID membershipId) {
        return loyalty.ledger(membershipId, PageRequest.first(100)).items().stream()
                .filter(e -> e.kind() == LedgerEntryKind.EXPIRY).toList();
    }

    private void assertLedgerAddsUp(UUID membershipId) {
        Membership member = loyalty.membership(membershipId);
        assertThat(fixtures.sums(membershipId).redeemablePoints()).isEqualTo(member.redeemablePoints());
        assertThat(fixtures.sums(membershipId).qualifyingPoints()).isEqualTo(member.qualifyingPoints());
        assertThat(member.redeemablePoints()).isNotNegative();
    }

    private List<PublishedEvent> expiredEvents() {
        return fixtures.publishAll().stream().filter(e -> e.type().equals("loyalty.membership.points-expired"))
                .toList();
    }

    @Test
    void under_a_fixed_policy_the_oldest_lot_expires_first_and_the_younger_one_its_months_later() {
        Membership member = memberUnder(ExpiryPolicy.fixed(12));
        LedgerEntry first = visit(member);
        at(monthsAfter(START, 6));
        LedgerEntry second = visit(member);

        runDueWorkAt(monthsAfter(START, 12).minusSeconds(1));
        assertThat(expiries(member.id())).isEmpty();

        runDueWorkAt(monthsAfter(START, 12));
        assertThat(expiries(member.id())).singleElement().satisfies(e -> {
            assertThat(e.redeemablePoints()).isEqualTo(-100);
            assertThat(e.qualifyingPoints()).isZero();
            assertThat(e.sourceType()).isEqualTo("expiry");
            assertThat(e.sourceReference()).isEqualTo(first.id().toString());
            assertThat(e.idempotencyKey()).isEqualTo("expiry:" + first.id());
        });
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(100);

        runDueWorkAt(monthsAfter(START, 18));
        assertThat(expiries(member.id())).hasSize(2);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isZero();
        assertThat(loyalty.membership(member.id()).qualifyingPoints()).as("qualifying points never expire")
                .isEqualTo(20);
        assertThat(expiredEvents()).extracting(PublishedEvent::payload)
                .anySatisfy(p -> assertThat(p).contains("\"lotEntryId\":\"" + second.id() + "\"")
                        .contains("\"policy\":\"FIXED\"").contains("\"redeemablePoints\":100")
                        .contains("\"redeemableBalance\":0"));
        assertLedgerAddsUp(member.id());
    }

    @Test
    void a_redemption_takes_the_oldest_lot_first_so_what_expires_is_what_is_left_of_the_younger_one() {
        Membership member = memberUnder(ExpiryPolicy.fixed(12));
        visit(member);
        at(monthsAfter(START, 1));
        LedgerEntry second = visit(member);
        loyalty.redeem(RedeemReward.of(member.id(), "coffee", "coffee-1"));

        runDueWorkAt(monthsAfter(START, 12));
        assertThat(expiries(member.id())).as("the first lot was spent whole").isEmpty();

        runDueWorkAt(monthsAfter(START, 13));
        assertThat(expiries(member.id())).singleElement().satisfies(e -> {
            assertThat(e.redeemablePoints()).isEqualTo(-50);
            assertThat(e.sourceReference()).isEqualTo(second.id().toString());
        });
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isZero();
        assertLedgerAddsUp(member.id());
    }

    @Test
    void a_scheduler_that_runs_late_lets_every_lot_due_expire_once_and_points_posted_since_stay() {
        Membership member = memberUnder(ExpiryPolicy.fixed(12));
        visit(member);
        at(monthsAfter(START, 2));
        visit(member);
        at(monthsAfter(START, 13));
        visit(member);

        runDueWorkAt(monthsAfter(START, 15));
        runDueWorkAt(monthsAfter(START, 15).plusSeconds(3600));

        assertThat(expiries(member.id())).extracting(LedgerEntry::redeemablePoints)
                .as("the older lot's work expires it, the younger's finds only itself left").containsOnly(-100L)
                .hasSize(2);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(100);
        assertLedgerAddsUp(member.id());
    }

    @Test
    void a_lots_expiry_run_again_changes_nothing_though_the_member_has_points_again() {
        Membership member = memberUnder(ExpiryPolicy.fixed(3));
        LedgerEntry lot = visit(member);
        runDueWorkAt(monthsAfter(START, 3));
        assertThat(expiries(member.id())).hasSize(1);

        at(monthsAfter(START, 4));
        visit(member);
        fixtures.storage.dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), LoyaltyService.LOT_EXPIRY_DUE,
                lot.id().toString(), fixtures.clock.instant(), member.id().toString()));
        fixtures.crm.scheduler().runDueWork();

        assertThat(expiries(member.id())).hasSize(1);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(100);
        assertThat(expiredEvents()).hasSize(1);
    }

    @Test
    void a_purchases_points_become_a_lot_when_they_post_not_while_pending() {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30).withExpiry(ExpiryPolicy.fixed(1))));
        Membership member = loyalty.enrol(EnrolMember.of(customer, "club"));
        fixtures.purchases().record(webOrder(customer, "ORD-1"));

        Instant posted = START.plus(Duration.ofDays(30));
        runDueWorkAt(posted);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(71);
        assertThat(expiries(member.id())).isEmpty();

        runDueWorkAt(monthsAfter(posted, 1));
        assertThat(expiries(member.id())).singleElement()
                .satisfies(e -> assertThat(e.redeemablePoints()).isEqualTo(-71));
        assertLedgerAddsUp(member.id());
    }

    @Test
    void under_an_activity_based_policy_every_point_expires_after_the_months_without_activity() {
        Membership member = memberUnder(ExpiryPolicy.afterInactivity(6));
        visit(member);
        at(monthsAfter(START, 4));
        visit(member);
        at(monthsAfter(START, 8));
        LedgerEntry redemption = loyalty.redeem(RedeemReward.of(member.id(), "coffee", "coffee-1"));

        runDueWorkAt(monthsAfter(START, 10));
        runDueWorkAt(monthsAfter(START, 14).minusSeconds(1));
        assertThat(expiries(member.id())).as("active within the last six months").isEmpty();

        runDueWorkAt(monthsAfter(START, 14));
        assertThat(expiries(member.id())).singleElement().satisfies(e -> {
            assertThat(e.redeemablePoints()).isEqualTo(-50);
            assertThat(e.sourceReference()).isEqualTo(redemption.id().toString());
            assertThat(e.idempotencyKey()).isEqualTo("expiry:" + redemption.id());
        });
        assertThat(loyalty.membership(member.id()).qualifyingPoints()).isEqualTo(20);
        assertThat(expiredEvents()).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"policy\":\"ACTIVITY\"").contains("\"redeemablePoints\":50"));

        runDueWorkAt(monthsAfter(START, 30));
        assertThat(expiries(member.id())).as("an expiry is no activity: nothing more is due").hasSize(1);
        assertLedgerAddsUp(member.id());
    }

    @Test
    void lengthening_an_activity_based_policy_moves_the_expiry_to_the_new_months() {
        Membership member = memberUnder(ExpiryPolicy.afterInactivity(6));
        visit(member);
        Programme club = loyalty.programme("club");
        loyalty.reviseProgramme(ReviseProgramme.of("club", club.version(),
                club.rules().withExpiry(ExpiryPolicy.afterInactivity(9))));

        runDueWorkAt(monthsAfter(START, 6));
        assertThat(expiries(member.id())).isEmpty();
        assertThat(fixtures.storage.dueWork().find(TENANT, LoyaltyService.INACTIVITY_EXPIRY_DUE,
                member.id().toString())).hasValueSatisfying(w -> assertThat(w.dueAt())
                        .isEqualTo(monthsAfter(START, 9)));

        runDueWorkAt(monthsAfter(START, 9));
        assertThat(expiries(member.id())).singleElement()
                .satisfies(e -> assertThat(e.redeemablePoints()).isEqualTo(-100));
    }

    @Test
    void without_a_policy_nothing_is_scheduled_and_a_policy_taken_away_stops_what_was() {
        Membership member = memberUnder(ExpiryPolicy.none());
        LedgerEntry lot = visit(member);
        assertThat(fixtures.storage.dueWork().find(TENANT, LoyaltyService.LOT_EXPIRY_DUE, lot.id().toString()))
                .isEmpty();
        Programme club = loyalty.programme("club");
        Programme fixed = loyalty.reviseProgramme(ReviseProgramme.of("club", club.version(),
                club.rules().withExpiry(ExpiryPolicy.fixed(1))));
        LedgerEntry second = visit(member);
        assertThat(fixtures.storage.dueWork().find(TENANT, LoyaltyService.LOT_EXPIRY_DUE, second.id().toString()))
                .isPresent();
        loyalty.reviseProgramme(ReviseProgramme.of("club", fixed.version(),
                fixed.rules().withExpiry(ExpiryPolicy.none())));

        runDueWorkAt(monthsAfter(START, 2));

        assertThat(expiries(member.id())).isEmpty();
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(200);
    }

    @Test
    void a_suspended_members_points_expire_and_a_closed_membership_keeps_its_balances() {
        Membership suspended = memberUnder(ExpiryPolicy.fixed(1));
        visit(suspended);
        loyalty.suspend(suspended.id());
        UUID other = fixtures.customer();
        Membership closed = loyalty.enrol(EnrolMember.of(other, "club"));
        loyalty.award(AwardActivity.of(closed.id(), "visit", "v-closed", "v-closed"));
        loyalty.close(closed.id());

        runDueWorkAt(monthsAfter(START, 1));

        assertThat(loyalty.membership(suspended.id()).redeemablePoints()).isZero();
        assertThat(loyalty.membership(closed.id()).redeemablePoints()).isEqualTo(100);
        assertThat(expiries(closed.id())).isEmpty();
    }

    @Test
    void a_policy_is_part_of_the_programme_and_checked_naming_the_field() {
        Membership member = memberUnder(ExpiryPolicy.fixed(24));
        assertThat(member).isNotNull();
        Programme club = loyalty.programme("club");
        assertThat(club.rules().expiry()).isEqualTo(ExpiryPolicy.fixed(24));
        assertThat(club.rules().expiry().kind()).isEqualTo(ExpiryKind.FIXED);

        Programme revised = loyalty.reviseProgramme(ReviseProgramme.of("club", club.version(),
                club.rules().withExpiry(ExpiryPolicy.afterInactivity(18))));
        assertThat(revised.version()).isEqualTo(club.version() + 1);
        assertThat(loyalty.programme("club").rules().expiry()).isEqualTo(ExpiryPolicy.afterInactivity(18));
        assertThat(ProgrammeRules.earning("EUR", "1").expiry()).isEqualTo(ExpiryPolicy.none());

        assertThatThrownBy(() -> ExpiryPolicy.fixed(0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("expiry.months"));
        assertThatThrownBy(() -> ExpiryPolicy.afterInactivity(ExpiryPolicy.MAX_MONTHS + 1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expiry.months"));
        assertThatThrownBy(() -> new ExpiryPolicy(ExpiryKind.NONE, 3)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiry.months"));
        assertThatThrownBy(() -> new ExpiryPolicy(null, 3)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("expiry.kind"));
        assertThatThrownBy(() -> ProgrammeRules.earning("EUR", "1").withExpiry(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiry"));
        assertThat(ExpiryPolicy.fixed(ExpiryPolicy.MAX_MONTHS).months()).isEqualTo(ExpiryPolicy.MAX_MONTHS);
    }
}
