package dev.crmkit.core.customer;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The customer domain as {@code Crm} composes it: offers {@link CustomerService} per tenant, records the
 * {@link CustomerEvent}s, and runs customer merges, in which every registered domain moves its own rows. Registered by
 * default with {@link #CustomerModule() the defaults}; register one built with other settings to replace it:
 *
 * <pre>{@code
 * Crm.builder().storage(storage)
 *         .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.BLOCK).importBatchSize(200).build())
 *         .build();
 * }</pre>
 */
public final class CustomerModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "customer";

    private final DuplicatePolicy duplicatePolicy;
    private final Map<String, DuplicatePolicy> tenantDuplicatePolicies;
    private final int importBatchSize;
    private final MatchSettings matching;
    private final Map<String, MatchSettings> tenantMatching;

    /** The defaults: duplicates warned about ({@link DuplicatePolicy#WARN}), imports in batches of 500. */
    public CustomerModule() {
        this(builder());
    }

    private CustomerModule(Builder builder) {
        this.duplicatePolicy = builder.duplicatePolicy;
        this.tenantDuplicatePolicies = Map.copyOf(builder.tenantDuplicatePolicies);
        this.importBatchSize = builder.importBatchSize;
        this.matching = builder.matching;
        this.tenantMatching = Map.copyOf(builder.tenantMatching);
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
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(CustomerStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(CustomerEvent.class);
        setup.events(DuplicatePairEvent.class);
        setup.service(CustomerService.class, tenant -> new DefaultCustomerService(setup.context(), tenant.tenantId(),
                new CustomerSettings(setup.context().defaultPhoneRegion(),
                        tenantDuplicatePolicies.getOrDefault(tenant.tenantId(), duplicatePolicy), importBatchSize,
                        tenantMatching.getOrDefault(tenant.tenantId(), matching)),
                () -> tenant.find(CustomerOwners.class)));
    }

    /** The settings of a {@link CustomerModule}; {@link #build()} checks them. */
    public static final class Builder {
        private DuplicatePolicy duplicatePolicy = DuplicatePolicy.WARN;
        private final Map<String, DuplicatePolicy> tenantDuplicatePolicies = new HashMap<>();
        private int importBatchSize = 500;
        private MatchSettings matching = MatchSettings.defaults();
        private final Map<String, MatchSettings> tenantMatching = new HashMap<>();

        private Builder() {
        }

        /** What registrations do about likely duplicates in every tenant without a policy of its own. */
        public Builder duplicatePolicy(DuplicatePolicy policy) {
            this.duplicatePolicy = Checks.required("duplicatePolicy", policy);
            return this;
        }

        /**
         * The duplicate policy of one tenant, overriding the default one.
         *
         * @throws ValidationException ({@code tenantId}, {@code duplicatePolicy}) when one is malformed or null
         */
        public Builder duplicatePolicy(String tenantId, DuplicatePolicy policy) {
            Checks.tenantId("tenantId", tenantId);
            this.tenantDuplicatePolicies.put(tenantId, Checks.required("duplicatePolicy", policy));
            return this;
        }

        /** How many rows a bulk import writes per transaction, 1 to 1000. */
        public Builder importBatchSize(int rows) {
            this.importBatchSize = Checks.limit("importBatchSize", rows, 1000);
            return this;
        }

        /** How customers are matched in every tenant without settings of its own. */
        public Builder matching(MatchSettings settings) {
            this.matching = Checks.required("matching", settings);
            return this;
        }

        /**
         * How one tenant's customers are matched (its thresholds, its date of birth and identifier fields), overriding
         * the default settings.
         *
         * @throws ValidationException ({@code tenantId}, {@code matching}) when one is malformed or null
         */
        public Builder matching(String tenantId, MatchSettings settings) {
            Checks.tenantId("tenantId", tenantId);
            this.tenantMatching.put(tenantId, Checks.required("matching", settings));
            return this;
        }

        /** The module. */
        public CustomerModule build() {
            return new CustomerModule(this);
        }
    }
}
