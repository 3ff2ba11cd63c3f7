package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Item 9 of the loyalty issue, the run both property tests share ({@link AccrualPropertyTest} without expiry,
 * {@link ExpiryPropertyTest} with it): a generated sequence of purchases, returns (parts of lines and whole lines),
 * time passing with the due-work scheduler posting pending points (and expiring points, under a policy), activity
 * accruals, redemptions, adjustments either way, and retried duplicates of each (orders, returns, postings,
 * redemptions; the same payload again, and another payload under a used reference or key) against a model of the
 * member's available, pending and owed balances. The model keeps the redeemable points as lots, oldest first: every
 * spending (a redemption, a negative adjustment, a return's reversal) takes the oldest lots first, and when time passes
 * the due work is replayed in the order it falls due (postings, and the lots or the inactivity that expire). After
 * every step the balances equal the model, the storage's sums of the ledger equal the balances (the cached available
 * ones and the pending and owed ones the service derives), the expired points equal the model's, none is negative,
 * each purchase accrued once, and every key the caller used took effect once.
 *
 * <p>The programme earns one point per euro with a return window of ten days; every line costs whole euros, so a line
 * earns its amount, and a return takes back the line's share for its units, rounded half-even, the last units what is
 * left: the rule the model restates.
 */
final class LedgerModelRun {
    private static final int WINDOW_DAYS = 10;

    private LedgerModelRun() {
    }

    /** A line of a generated order: its units and the points it earned, and what is left of both. */
    private static final class Line {
        final int quantity;
        final long points;
        int unitsLeft;
        long pointsLeft;

        Line(int quantity, long points) {
            this.quantity = quantity;
            this.points = points;
            this.unitsLeft = quantity;
            this.pointsLeft = points;
        }
    }

    /** A generated order as the model sees it. */
    private static final class Order {
        final RecordPurchase command;
        final List<Line> lines = new ArrayList<>();
        final Instant availableAt;
        boolean pending = true;

        Order(RecordPurchase command, Instant availableAt) {
            this.command = command;
            this.availableAt = availableAt;
        }
    }

    /** A lot of redeemable points: when it was posted and what is left of it. */
    private static final class Lot {
        final Instant postedAt;
        long left;

        Lot(Instant postedAt, long left) {
            this.postedAt = postedAt;
            this.left = left;
        }
    }

    /**
     * The member's balances as the model keeps them (index 0 qualifying, 1 redeemable), the redeemable points as lots
     * oldest first, the last activity and the points expired.
     */
    private static final class Model {
        final ExpiryPolicy policy;
        final long[] available = new long[2];
        final long[] pending = new long[2];
        final long[] owed = new long[2];
        final List<Lot> lots = new ArrayList<>();
        Instant lastActivity;
        Instant expiredAfter;
        long expired;

        Model(ExpiryPolicy policy) {
            this.policy = policy;
        }

        void credit(long redeemable, Instant at) {
            available[1] += redeemable;
            if (redeemable > 0) {
                lots.add(new Lot(at, redeemable));
            }
        }

        /** Takes redeemable points, the oldest lots first. */
        void debit(long redeemable) {
            available[1] -= redeemable;
            long rest = redeemable;
            for (Lot lot : lots) {
                long taken = Math.min(rest, lot.left);
                lot.left -= taken;
                rest -= taken;
            }
        }

        Instant due(Instant from) {
            return from.atOffset(ZoneOffset.UTC).plusMonths(policy.months()).toInstant();
        }
    }

    /**
     * Runs {@code steps} against a fresh tenant and the model, checking after every step.
     *
     * @param policy the programme's expiry policy, or null for points that never expire
     * @param longestStepDays the most days one step of time passing moves the clock on
     */
    static void run(List<Integer> steps, ExpiryPolicy policy, int longestStepDays) {
        LoyaltyFixtures fixtures = new LoyaltyFixtures();
        LoyaltyService loyalty = fixtures.loyalty();
        PurchaseService purchases = fixtures.purchases();
        ProgrammeRules rules = ProgrammeRules.earning("EUR", "1").withReturnWindowDays(WINDOW_DAYS);
        loyalty.defineProgramme(DefineProgramme.of("club", policy == null ? rules : rules.withExpiry(policy)));
        UUID customer = fixtures.customer();
        UUID id = loyalty.enrol(EnrolMember.of(customer, "club")).id();
        Model model = new Model(policy);
        List<Order> orders = new ArrayList<>();
        List<RecordReturn> returns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            int step = steps.get(i);
            int points = step / 10 % 200 + 1;
            switch (step % 10) {
                case 0, 1 -> orders.add(purchase(fixtures, purchases, customer, "ORD-" + i, step, model));
                case 2 -> {
                    // the same order reported again, and another order under a used reference
                    if (!orders.isEmpty()) {
                        Order order = orders.get(step / 10 % orders.size());
                        Purchase again = purchases.record(order.command);
                        assertThat(fixtures.storage.accruals().forPurchase(LoyaltyFixtures.TENANT, again.id()))
                                .as("one accrual per purchase").hasSize(1);
                        assertThatThrownBy(() -> purchases.record(RecordPurchase.of(customer,
                                order.command.orderReference(), "store", order.command.purchasedAt(),
                                PurchaseLine.of("sku-x", 1, Money.of("1.00", "EUR")).inCategory("misc"))))
                                .isInstanceOf(ConflictException.class);
                    }
                }
                case 3, 4 -> {
                    RecordReturn back = giveBack(fixtures, orders, "RET-" + i, step, model);
                    if (back != null) {
                        purchases.recordReturn(back);
                        returns.add(back);
                    }
                }
                case 5 -> {
                    // a retried return takes nothing back twice
                    if (!returns.isEmpty()) {
                        purchases.recordReturn(returns.get(step / 10 % returns.size()));
                    }
                }
                case 6 -> passTime(fixtures, orders, Duration.ofDays(step / 10 % longestStepDays + 1), model);
                case 7 -> {
                    String key = "visit-" + i;
                    loyalty.post(PostPoints.accrual(id, points, "activity.visit", null, key));
                    assertThat(loyalty.post(PostPoints.accrual(id, points, "activity.visit", null, key))
                            .idempotencyKey()).as("a retry").isEqualTo(key);
                    keys.add(key);
                    model.available[0] += points;
                    model.credit(points, fixtures.clock.instant());
                    model.lastActivity = fixtures.clock.instant();
                }
                case 8 -> {
                    // a coffee for 150 redeemable points, refused when short; retried once
                    String key = "coffee-" + i;
                    if (model.available[1] < 150) {
                        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(id, "coffee", key)))
                                .isInstanceOf(ValidationException.class);
                    } else {
                        loyalty.redeem(RedeemReward.of(id, "coffee", key));
                        loyalty.redeem(RedeemReward.of(id, "coffee", key));
                        keys.add(key);
                        model.debit(150);
                        model.lastActivity = fixtures.clock.instant();
                    }
                }
                default -> {
                    String key = "adjust-" + i;
                    long change = step % 20 < 10 ? points : -points;
                    if (model.available[1] + change < 0) {
                        assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(id, 0, change, "correction",
                                key))).isInstanceOf(ValidationException.class);
                    } else {
                        loyalty.post(PostPoints.adjustment(id, 0, change, "correction", key));
                        assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(id, 0, change + 1,
                                "correction", key))).isInstanceOf(ConflictException.class);
                        keys.add(key);
                        if (change > 0) {
                            model.credit(change, fixtures.clock.instant());
                        } else {
                            model.debit(-change);
                        }
                    }
                }
            }
            check(fixtures, loyalty, id, model, keys);
        }
    }

    private static Order purchase(LoyaltyFixtures fixtures, PurchaseService purchases, UUID customer,
            String reference, int step, Model model) {
        Instant now = fixtures.clock.instant();
        int lineCount = step / 10 % 3 + 1;
        List<PurchaseLine> lines = new ArrayList<>();
        List<Line> modelled = new ArrayList<>();
        for (int l = 0; l < lineCount; l++) {
            int quantity = (step / 30 + l) % 4 + 1;
            long euros = (step / 7 + 13L * l) % 120 + 1;
            lines.add(PurchaseLine.of("sku-" + l, quantity, Money.of(euros + ".00", "EUR")).inCategory("misc"));
            modelled.add(new Line(quantity, euros));
        }
        RecordPurchase command = RecordPurchase.of(customer, reference, "web", now,
                lines.toArray(PurchaseLine[]::new));
        Order order = new Order(command, now.plus(Duration.ofDays(WINDOW_DAYS)));
        order.lines.addAll(modelled);
        purchases.record(command);
        long earned = modelled.stream().mapToLong(l -> l.points).sum();
        model.pending[0] += earned;
        model.pending[1] += earned;
        model.lastActivity = now;
        return order;
    }

    /** A return of some units of one line of an order that has some left, applied to the model; null if none has. */
    private static RecordReturn giveBack(LoyaltyFixtures fixtures, List<Order> orders, String reference, int step,
            Model model) {
        List<Order> open = orders.stream().filter(o -> o.lines.stream().anyMatch(l -> l.unitsLeft > 0)).toList();
        if (open.isEmpty()) {
            return null;
        }
        Order order = open.get(step / 10 % open.size());
        List<Integer> withUnits = new ArrayList<>();
        for (int l = 0; l < order.lines.size(); l++) {
            if (order.lines.get(l).unitsLeft > 0) {
                withUnits.add(l);
            }
        }
        int index = withUnits.get(step / 100 % withUnits.size());
        Line line = order.lines.get(index);
        int units = step / 1000 % line.unitsLeft + 1;
        long share = units == line.unitsLeft ? line.pointsLeft
                : Math.min(line.pointsLeft, BigDecimal.valueOf(line.points * units)
                        .divide(BigDecimal.valueOf(line.quantity), 0, RoundingMode.HALF_EVEN).longValueExact());
        line.unitsLeft -= units;
        line.pointsLeft -= share;
        for (int c = 0; c < 2; c++) {
            if (order.pending) {
                model.pending[c] -= share;
            } else {
                long reversed = Math.min(share, model.available[c]);
                if (c == 1) {
                    model.debit(reversed);
                } else {
                    model.available[c] -= reversed;
                }
                model.owed[c] += share - reversed;
            }
        }
        return RecordReturn.of(order.command.orderReference(), reference, fixtures.clock.instant(),
                ReturnedLine.of(index + 1, units));
    }

    /**
     * Moves the clock on and lets the scheduler run what fell due; the model replays the same work in the order it fell
     * due: postings (paying off first; a lot and an activity now), lots expiring (what is left of them and of older
     * ones) or the inactivity (every redeemable point, once per last activity).
     */
    private static void passTime(LoyaltyFixtures fixtures, List<Order> orders, Duration by, Model model) {
        fixtures.clock.advance(by);
        DueWorkScheduler.Run run;
        do {
            run = fixtures.crm.scheduler().runDueWork();
            assertThat(run.retried()).as("no due work failed").isZero();
        } while (run.claimed() > 0);
        Instant now = fixtures.clock.instant();
        while (true) {
            Order posting = orders.stream().filter(o -> o.pending && !o.availableAt.isAfter(now))
                    .min(Comparator.comparing(o -> o.availableAt)).orElse(null);
            Instant expiryDue = nextExpiry(model, now);
            if (posting == null && expiryDue == null) {
                return;
            }
            if (posting != null && (expiryDue == null || posting.availableAt.isBefore(expiryDue))) {
                post(posting, model, now);
            } else {
                expire(model, now);
            }
        }
    }

    private static void post(Order order, Model model, Instant now) {
        order.pending = false;
        long left = order.lines.stream().mapToLong(l -> l.pointsLeft).sum();
        boolean posted = false;
        for (int c = 0; c < 2; c++) {
            long paid = Math.min(left, model.owed[c]);
            model.owed[c] -= paid;
            model.pending[c] -= left;
            if (c == 1) {
                model.credit(left - paid, now);
            } else {
                model.available[c] += left - paid;
            }
            posted |= left - paid > 0;
        }
        if (posted) {
            model.lastActivity = now;
        }
    }

    /** When the next expiry the scheduler runs now fell due, or null when none did (or points never expire). */
    private static Instant nextExpiry(Model model, Instant now) {
        if (model.policy == null) {
            return null;
        }
        if (model.policy.kind() == ExpiryKind.FIXED) {
            return model.lots.stream().filter(l -> l.left > 0).map(l -> model.due(l.postedAt))
                    .filter(due -> !due.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
        }
        if (model.lastActivity == null || model.lastActivity.equals(model.expiredAfter)) {
            return null;
        }
        Instant due = model.due(model.lastActivity);
        return due.isAfter(now) ? null : due;
    }

    private static void expire(Model model, Instant now) {
        long expiring = 0;
        if (model.policy.kind() == ExpiryKind.FIXED) {
            for (Lot lot : model.lots) {
                if (!model.due(lot.postedAt).isAfter(now)) {
                    expiring += lot.left;
                    lot.left = 0;
                }
            }
        } else {
            expiring = model.available[1];
            model.lots.forEach(l -> l.left = 0);
            model.expiredAfter = model.lastActivity;
        }
        model.available[1] -= expiring;
        model.expired += expiring;
    }

    private static void check(LoyaltyFixtures fixtures, LoyaltyService loyalty, UUID id, Model model,
            Set<String> keys) {
        PointsBalances balances = loyalty.balances(id);
        assertThat(balances).isEqualTo(new PointsBalances(id, model.available[0], model.available[1],
                model.pending[0], model.pending[1], model.owed[0], model.owed[1]));
        assertThat(List.of(balances.qualifyingAvailable(), balances.redeemableAvailable(),
                balances.qualifyingPending(), balances.redeemablePending(), balances.qualifyingOwed(),
                balances.redeemableOwed())).as("no balance below zero").allMatch(b -> b >= 0);
        LedgerSums sums = fixtures.sums(id);
        Membership membership = loyalty.membership(id);
        assertThat(new long[] {sums.qualifyingPoints(), sums.redeemablePoints()}).as("the ledger adds up")
                .containsExactly(membership.qualifyingPoints(), membership.redeemablePoints());
        LedgerSums pending = fixtures.storage.ledger().sums(LoyaltyFixtures.TENANT, id, LedgerEntryKind.PENDING);
        assertThat(pending.redeemablePoints()).isEqualTo(model.pending[1]);
        assertThat(fixtures.storage.ledger().sums(LoyaltyFixtures.TENANT, id, LedgerEntryKind.EXPIRY)
                .redeemablePoints()).as("what expired").isEqualTo(-model.expired);
        List<LedgerEntry> entries = loyalty.ledger(id, PageRequest.first(1000)).items();
        assertThat(entries).extracting(LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
        assertThat(entries.stream().map(LedgerEntry::idempotencyKey).filter(keys::contains).count())
                .as("every key the caller used took effect once").isEqualTo(keys.size());
    }
}
