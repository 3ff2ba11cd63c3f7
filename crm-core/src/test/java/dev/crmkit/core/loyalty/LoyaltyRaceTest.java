package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.InMemoryRewardCatalogue;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.loyalty.AccrualStore;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.loyalty.RewardStore;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Races with another node, staged deterministically in memory: the other node's change commits first, and this node's
 * next lookup answers once as it would have just before (a stale read), so the service meets exactly the taken key or
 * the stale version a concurrent node leaves, and must answer from what that node stored.
 */
class LoyaltyRaceTest {
    private final MutableClock clock = new MutableClock(START);
    private final InMemoryStorage real = new InMemoryStorage();
    /** Answers the next call of a store method (by name) gives once, instead of asking the real store. */
    private final Map<String, Object> stale = new HashMap<>();
    private final Crm crm = Crm.builder().storage(real.with(LoyaltyStorage.class, racing())).clock(clock)
            .ids(IdGenerator.timeOrdered(clock))
            .module(LoyaltyModule.builder().rewardCatalogue(new InMemoryRewardCatalogue()
                    .add(new CatalogueReward("coffee", 150))).build()).build();
    private final PurchaseService purchases = crm.tenant(TENANT).service(PurchaseService.class);
    private final LoyaltyService loyalty = crm.tenant(TENANT).service(LoyaltyService.class);
    private final UUID anna = customer();

    private UUID customer() {
        UUID id = UUID.randomUUID();
        real.customers().insert(new CustomerRecord(TENANT, id, 1, START, START, PartyKind.PERSON, "Anna", null, null,
                null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), null));
        return id;
    }

    private static RecordPurchase twoShirts(UUID customerId) {
        return new RecordPurchase(customerId, "ORD-1", "web", START, List.of(
                PurchaseLine.of("sku-shirt", 2, Money.of("59.90", "EUR")).inCategory("apparel")));
    }

    @Test
    void an_order_another_node_recorded_first_under_the_reference_is_answered_as_a_retry() {
        // given: the other node recorded the order; this node's lookup of the reference still sees none
        Purchase theirs = purchases.record(twoShirts(anna));
        stale.put("findByOrderReference", Optional.empty());

        // when
        Purchase mine = purchases.record(twoShirts(anna));

        // then
        assertThat(mine).isEqualTo(theirs);
        assertThat(stale).as("the stale read was made").isEmpty();
        assertThat(purchases.purchasesOf(anna, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void a_return_that_lost_the_race_is_checked_again_against_what_the_winner_left() {
        // given: two shirts bought; the other node returned one after this node read the order
        purchases.record(twoShirts(anna));
        Object before = real.purchases().findByOrderReference(TENANT, "ORD-1");
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-THEIRS", START, ReturnedLine.of(1, 1)));
        stale.put("findByOrderReference", before);

        // when / then: two no longer fit, and nothing of this return is stored
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-MINE", START,
                ReturnedLine.of(1, 2)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].quantity"));
        assertThat(stale).as("the stale read was made").isEmpty();
        Purchase after = purchases.purchaseByOrderReference("ORD-1");
        assertThat(after.returns()).extracting(PurchaseReturn::returnReference).containsExactly("RET-THEIRS");
    }

    @Test
    void a_redemption_that_lost_the_race_is_refused_when_the_winner_spent_the_points() {
        // given: 200 points; the other node spent 100 after this node read the membership
        Membership member = loyalty.enrol(EnrolMember.of(anna, "club"));
        loyalty.post(PostPoints.accrual(member.id(), 200, "activity.visit", null, "earn-1"));
        Object before = real.memberships().get(TENANT, member.id());
        loyalty.post(PostPoints.adjustment(member.id(), 0, -100, "service.correction", "theirs"));
        stale.put("get", before);

        // when / then
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("redeemablePoints"));
        assertThat(stale).as("the stale read was made").isEmpty();
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(100);
        assertThat(real.ledger().sums(TENANT, member.id())).isEqualTo(new LedgerSums(200, 100, 2));
    }

    @Test
    void a_posting_another_node_made_first_under_the_key_is_answered_with_its_entry() {
        // given: the other node posted; this node's lookup of the key still sees nothing
        Membership member = loyalty.enrol(EnrolMember.of(anna, "club"));
        LedgerEntry theirs = loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null, "visit-1"));
        stale.put("findByIdempotencyKey", Optional.empty());

        // when
        LedgerEntry mine = loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null, "visit-1"));

        // then
        assertThat(mine).isEqualTo(theirs);
        assertThat(stale).as("the stale read was made").isEmpty();
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(50);
        assertThat(real.ledger().sums(TENANT, member.id())).isEqualTo(new LedgerSums(50, 50, 1));
    }

    @Test
    void an_enrolment_another_node_made_first_is_answered_with_its_membership() {
        // given: the other node enrolled the customer; this node's lookup still sees no membership
        Membership theirs = loyalty.enrol(EnrolMember.of(anna, "club"));
        stale.put("findByCustomer", Optional.empty());

        // when
        Membership mine = loyalty.enrol(EnrolMember.of(anna, "club"));

        // then
        assertThat(mine).isEqualTo(theirs);
        assertThat(stale).as("the stale read was made").isEmpty();
    }

    @Test
    void a_programme_another_node_defined_first_is_answered_as_a_retry_or_a_conflict() {
        // given: the other node defined the programme; this node's lookup still finds none
        ProgrammeRules rules = ProgrammeRules.earning("EUR", "1");
        Programme theirs = loyalty.defineProgramme(DefineProgramme.of("club", rules));
        stale.put("findByCode", Optional.empty());

        // when: the insert meets the taken code, and the next try reads what that node stored
        Programme mine = loyalty.defineProgramme(DefineProgramme.of("club", rules));

        // then
        assertThat(mine).isEqualTo(theirs);
        assertThat(stale).as("the stale read was made").isEmpty();
        stale.put("findByCode", Optional.empty());
        assertThatThrownBy(() -> loyalty.defineProgramme(DefineProgramme.of("club",
                ProgrammeRules.earning("EUR", "2")))).isInstanceOf(ConflictException.class);
    }

    /** The loyalty stores of the real storage, answering a staged stale read once. */
    private LoyaltyStorage racing() {
        PurchaseStore purchaseStore = racing(PurchaseStore.class, real::purchases);
        MembershipStore membershipStore = racing(MembershipStore.class, real::memberships);
        LedgerStore ledgerStore = racing(LedgerStore.class, real::ledger);
        ProgrammeStore programmeStore = racing(ProgrammeStore.class, real::programmes);
        return new LoyaltyStorage() {
            @Override
            public PurchaseStore purchases() {
                return purchaseStore;
            }

            @Override
            public MembershipStore memberships() {
                return membershipStore;
            }

            @Override
            public LedgerStore ledger() {
                return ledgerStore;
            }

            @Override
            public ProgrammeStore programmes() {
                return programmeStore;
            }

            @Override
            public AccrualStore accruals() {
                return real.accruals();
            }

            @Override
            public TierSchemeStore tierSchemes() {
                return real.tierSchemes();
            }

            @Override
            public MemberTierStore memberTiers() {
                return real.memberTiers();
            }

            @Override
            public RewardStore rewards() {
                return real.rewards();
            }

            @Override
            public LedgerReportStore ledgerReports() {
                return real.ledgerReports();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <T> T racing(Class<T> type, Supplier<T> target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (stale.containsKey(method.getName())) {
                return stale.remove(method.getName());
            }
            try {
                return method.invoke(target.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
