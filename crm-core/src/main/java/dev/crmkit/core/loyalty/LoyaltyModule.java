package dev.crmkit.core.loyalty;

import dev.crmkit.core.messaging.MessagingModule;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.ProductCatalogue;
import dev.crmkit.core.port.RewardCatalogue;
import dev.crmkit.model.Checks;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.util.Map;
import java.util.Set;

/**
 * The loyalty domain as {@code Crm} composes it: offers {@link PurchaseService}, {@link LoyaltyService},
 * {@link TierService}, {@link RewardService} and {@link LoyaltyReportService}
 * per tenant, records the {@link PurchaseEvent}s,
 * {@link ProgrammeEvent}s, {@link MembershipEvent}s, {@link AccrualEvent}s, {@link TierSchemeEvent}s,
 * {@link MemberTierEvent}s, {@link RewardEvent}s, {@link ExpiryEvent}s and {@link ExpiryNotified}, posts pending
 * points when their return
 * window passed (due work {@link LoyaltyService#PENDING_POINTS_DUE}), runs the members' tier reviews
 * ({@link TierService#REVIEW}) and the expiry of points ({@link LoyaltyService#LOT_EXPIRY_DUE},
 * {@link LoyaltyService#INACTIVITY_EXPIRY_DUE}), notifies members of a coming expiry when the
 * tenant opted in ({@link Builder#expiryNotices}), and in
 * a customer merge moves the merged customer's orders to the survivor and merges its memberships into the survivor's.
 * Registered by default with a product catalogue that knows no product (every line then names its category) and the
 * stored rewards catalogue ({@link RewardService}, whose stock redemptions take from); register it with the host's
 * catalogues to replace them:
 *
 * <pre>{@code
 * Crm.builder().storage(storage)
 *         .module(LoyaltyModule.builder()
 *                 .productCatalogue(new MyCatalogue(productService))
 *                 .rewardCatalogue(new MyRewards(voucherService))
 *                 .build())
 *         .build();
 * }</pre>
 */
public final class LoyaltyModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "loyalty";

    private final ProductCatalogue catalogue;
    private final RewardCatalogue rewards;
    private final ExpiryNoticeSettings notices;

    /** The defaults: {@link ProductCatalogue#none()} and the stored rewards catalogue. */
    public LoyaltyModule() {
        this(builder());
    }

    private LoyaltyModule(Builder builder) {
        this.catalogue = builder.catalogue;
        this.rewards = builder.rewards;
        this.notices = builder.notices;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return notices.tenants().isEmpty() ? Set.of("customer") : Set.of("customer", MessagingModule.NAME);
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(LoyaltyStorage.class, CustomerStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(PurchaseEvent.class);
        setup.events(MembershipEvent.class);
        setup.events(ProgrammeEvent.class);
        setup.events(AccrualEvent.class);
        setup.dueWork(LoyaltyService.PENDING_POINTS_DUE, new PendingPointsHandler(setup.context(), notices));
        setup.events(TierSchemeEvent.class);
        setup.events(MemberTierEvent.class);
        setup.events(RewardEvent.class);
        StoredRewardCatalogue stored = new StoredRewardCatalogue(setup.context());
        RewardCatalogue offered = rewards == null ? stored : rewards;
        RewardStock stock = rewards == null ? stored : RewardStock.NONE;
        setup.service(PurchaseService.class, tenant -> new StoredPurchases(setup.context(), tenant.tenantId(),
                catalogue, notices));
        KeptTierSchemes keptSchemes = new KeptTierSchemes();
        setup.service(LoyaltyService.class, tenant -> new StoredLoyalty(setup.context(), tenant.tenantId(), offered,
                stock, notices, keptSchemes));
        setup.service(TierService.class, tenant -> new StoredTiers(setup.context(), tenant.tenantId()));
        setup.service(RewardService.class, tenant -> new StoredRewards(setup.context(), tenant.tenantId()));
        setup.service(LoyaltyReportService.class, tenant -> new StoredLoyaltyReports(setup.context(),
                tenant.tenantId()));
        setup.dueWork(TierService.REVIEW, new TierReviewHandler(setup.context()));
        setup.events(ExpiryEvent.class);
        setup.events(ExpiryNotified.class);
        setup.dueWork(LoyaltyService.LOT_EXPIRY_DUE, new LotExpiryHandler(setup.context()));
        setup.dueWork(LoyaltyService.INACTIVITY_EXPIRY_DUE, new InactivityExpiryHandler(setup.context()));
        if (!notices.tenants().isEmpty()) {
            ExpiryNotices expiryNotices = new ExpiryNotices(setup.context(), notices);
            setup.dueWork(ExpiryNotices.LOT_DUE, expiryNotices);
            setup.dueWork(ExpiryNotices.INACTIVITY_DUE, expiryNotices);
            setup.on(ExpiryNotified.class, expiryNotices::send);
        }
        LoyaltyStorage stores = setup.context().storage(LoyaltyStorage.class);
        setup.customerDataPart(merge -> Map.of(
                "purchases", stores.purchases().moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(),
                        merge.at()),
                "memberships", new StoredLoyalty(setup.context(), merge.tenantId(), offered, stock, notices,
                        keptSchemes).merge(merge,
                        stores.memberships().forCustomer(merge.tenantId(), merge.mergedId()))));
    }

    /** The settings of a {@link LoyaltyModule}. */
    public static final class Builder {
        private ProductCatalogue catalogue = ProductCatalogue.none();
        private RewardCatalogue rewards;
        private ExpiryNoticeSettings notices = ExpiryNoticeSettings.none();

        private Builder() {
        }

        /** The host's product catalogue, asked for the category of a line reported without one. */
        public Builder productCatalogue(ProductCatalogue catalogue) {
            this.catalogue = Checks.required("productCatalogue", catalogue);
            return this;
        }

        /**
         * The host's rewards catalogue, asked what a reward costs when a member redeems it, in place of the stored
         * one ({@link RewardService}, the default), which redemptions then neither ask nor take stock from.
         */
        public Builder rewardCatalogue(RewardCatalogue rewards) {
            this.rewards = Checks.required("rewardCatalogue", rewards);
            return this;
        }

        /**
         * Notifies the settings' tenants' members of points about to expire, through the messaging domain (which must
         * then be registered too); none by default. See {@link ExpiryNoticeSettings}.
         */
        public Builder expiryNotices(ExpiryNoticeSettings notices) {
            this.notices = Checks.required("expiryNotices", notices);
            return this;
        }

        /** The module. */
        public LoyaltyModule build() {
            return new LoyaltyModule(this);
        }
    }
}
