package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.loyalty.Breakage;
import dev.crmkit.core.loyalty.DefineProgramme;
import dev.crmkit.core.loyalty.DefineTiers;
import dev.crmkit.core.loyalty.EnrolMember;
import dev.crmkit.core.loyalty.ExpiryPolicy;
import dev.crmkit.core.loyalty.LedgerEntry;
import dev.crmkit.core.loyalty.Liability;
import dev.crmkit.core.loyalty.LoyaltyReportService;
import dev.crmkit.core.loyalty.LoyaltyService;
import dev.crmkit.core.loyalty.Membership;
import dev.crmkit.core.loyalty.OfferReward;
import dev.crmkit.core.loyalty.PointsBalances;
import dev.crmkit.core.loyalty.PointsStatement;
import dev.crmkit.core.loyalty.ProgrammeRules;
import dev.crmkit.core.loyalty.PurchaseLine;
import dev.crmkit.core.loyalty.PurchaseService;
import dev.crmkit.core.loyalty.RecordPurchase;
import dev.crmkit.core.loyalty.RecordReturn;
import dev.crmkit.core.loyalty.RedeemReward;
import dev.crmkit.core.loyalty.ReturnedLine;
import dev.crmkit.core.loyalty.RewardService;
import dev.crmkit.core.loyalty.RewardTerms;
import dev.crmkit.core.loyalty.StatementLine;
import dev.crmkit.core.loyalty.Tier;
import dev.crmkit.core.loyalty.TierRules;
import dev.crmkit.core.loyalty.TierService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A fashion shop's loyalty club on CRMKit, on embedded H2: the programme (a point per euro, double on apparel, points
 * pending for a 14-day return window, a point worth a cent), its tiers and a stored reward; a member's purchases, the
 * points posting when the window passes and lifting her to silver and then gold, a coffee redeemed, a shirt returned;
 * a month after each lot of points posted, what is left of it expires, oldest lot first; then her statement for the two
 * months, the club's outstanding liability and its breakage.
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class LoyaltyScenario {
    private static final String TENANT = "modehaus";
    private static final Instant START = Instant.parse("2026-05-04T09:00:00Z");

    private LoyaltyScenario() {
    }

    public static void main(String[] args) {
        ScenarioClock clock = new ScenarioClock(START);
        try (HikariDataSource h2 = embeddedH2();
                Crm crm = Crm.builder()
                        .storage(JdbcStorage.builder().dataSource(h2).migrate(true).build())
                        .clock(clock).defaultPhoneRegion("DE").nodeId("example-node").build()) {
            TenantCrm shop = crm.tenant(TENANT);
            LoyaltyService loyalty = shop.service(LoyaltyService.class);
            PurchaseService purchases = shop.service(PurchaseService.class);
            TierService tiers = shop.service(TierService.class);

            heading("1. The club: its rules, tiers and a reward");
            loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                    .withCategory("apparel", "2").withReturnWindowDays(14).withPointValue("0.01")
                    .withExpiry(ExpiryPolicy.fixed(1))));
            tiers.defineTiers(DefineTiers.of("club", TierRules.onQualifyingPoints(12,
                    Tier.of("silver", "Silver", 100), Tier.of("gold", "Gold", 300, "free-shipping"))));
            shop.service(RewardService.class).offer(OfferReward.of("coffee", RewardTerms.of("Coffee to go", 150)));
            System.out.println("   1 point per euro, apparel x2, 14 days pending, 1 point = 0.01 EUR, a month to spend;"
                    + " silver at 100, gold at 300; a coffee for 150 points");

            heading("2. Anna joins and buys two shirts and a cap");
            UUID anna = shop.service(CustomerService.class).register(RegisterPerson.named("Anna", "Schmidt"))
                    .customer().id();
            Membership member = loyalty.enrol(EnrolMember.of(anna, "club"));
            purchases.record(RecordPurchase.of(anna, "ORD-1001", "store-berlin", clock.instant(),
                    PurchaseLine.of("sku-shirt", 2, Money.of("59.90", "EUR")).inCategory("apparel"),
                    PurchaseLine.of("sku-cap", 1, Money.of("12.50", "EUR")).inCategory("accessories")));
            balances("after the order", loyalty.balances(member.id()));

            heading("3. The return window passes: the points post, and Anna reaches a tier");
            clock.advance(Duration.ofDays(15));
            crm.scheduler().runDueWork();
            balances("posted", loyalty.balances(member.id()));
            System.out.println("   tier " + tiers.memberTier(member.id()).tierCode());
            purchases.record(RecordPurchase.of(anna, "ORD-1002", "web", clock.instant(),
                    PurchaseLine.of("sku-jacket", 1, Money.of("189.00", "EUR")).inCategory("apparel")));
            clock.advance(Duration.ofDays(15));
            crm.scheduler().runDueWork();
            balances("the jacket's points posted", loyalty.balances(member.id()));
            System.out.println("   tier " + tiers.memberTier(member.id()).tierCode() + ", benefits "
                    + tiers.memberTier(member.id()).benefits());

            heading("4. A coffee, and one shirt comes back");
            clock.advance(Duration.ofDays(1));
            loyalty.redeem(RedeemReward.of(member.id(), "coffee", "till-7781"));
            clock.advance(Duration.ofDays(1));
            purchases.recordReturn(RecordReturn.of("ORD-1001", "RET-0815", clock.instant(), ReturnedLine.of(1, 1)));
            balances("after the coffee and the return", loyalty.balances(member.id()));

            heading("5. A month after each lot posted, what is left of it expires, oldest lot first");
            clock.advance(Duration.ofDays(14));                     // day 46: the first order's lot is due
            crm.scheduler().runDueWork();
            balances("the first lot was spent whole, nothing lapsed", loyalty.balances(member.id()));
            purchases.record(RecordPurchase.of(anna, "ORD-1003", "web", clock.instant(),
                    PurchaseLine.of("sku-belt", 1, Money.of("25.00", "EUR")).inCategory("accessories")));
            clock.advance(Duration.ofDays(16));                     // day 62: the jacket's lot is due, the belt posts
            crm.scheduler().runDueWork();
            balances("the rest of the jacket's lot lapsed, the belt's stays", loyalty.balances(member.id()));

            heading("6. Anna's statement for the two months, the club's liability and its breakage");
            clock.advance(Duration.ofDays(1));                      // the next morning: entries before now count
            LoyaltyReportService reports = shop.service(LoyaltyReportService.class);
            Instant from = START.plus(Duration.ofDays(14));
            Instant to = START.plus(Duration.ofDays(74));
            PointsStatement statement = reports.statement(member.id(), from, to);
            balances("opening", statement.opening());
            for (StatementLine line : statement.lines()) {
                System.out.printf("   %-10s %4d entries  qualifying %+5d  redeemable %+5d%n", line.kind(),
                        line.entries(), line.qualifyingPoints(), line.redeemablePoints());
            }
            balances("closing", statement.closing());
            Page<LedgerEntry> entries = reports.statementEntries(member.id(), from, to, PageRequest.first(50));
            System.out.printf("   %d entries in the period, the first %s %s%n", entries.items().size(),
                    entries.items().get(0).kind(), entries.items().get(0).sourceType());
            for (Liability l : reports.liability(clock.instant())) {
                System.out.printf("   liability of %s: %d points outstanding x %s %s = %s %s (%d pending apart)%n",
                        l.programme(), l.outstandingPoints(), l.pointValue(), l.currency(), l.value(), l.currency(),
                        l.pendingPoints());
            }
            for (Breakage b : reports.breakage(START, to)) {
                System.out.printf("   breakage of %s: %d issued, %d expired, %d redeemed; rate %s; expected to break"
                        + " %s of %d outstanding%n", b.programme(), b.issued(), b.expired(), b.redeemed(),
                        b.rate().map(Object::toString).orElse("none"),
                        b.expectedToBreak().isPresent() ? String.valueOf(b.expectedToBreak().getAsLong()) : "unknown",
                        b.outstanding());
            }
        }
    }

    private static void balances(String when, PointsBalances b) {
        System.out.printf("   %s: available %d qualifying / %d redeemable, pending %d / %d, owed %d / %d%n", when,
                b.qualifyingAvailable(), b.redeemableAvailable(), b.qualifyingPending(), b.redeemablePending(),
                b.qualifyingOwed(), b.redeemableOwed());
    }

    private static void heading(String text) {
        System.out.println();
        System.out.println(text);
    }

    private static HikariDataSource embeddedH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:loyalty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new HikariDataSource(config);
    }
}
