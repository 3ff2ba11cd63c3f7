package dev.crmkit.core;

import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.lead.LeadSettings;
import dev.crmkit.core.lead.PredictiveModels;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.port.EventListener;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.touchpoint.TouchPointService;
import java.util.ArrayList;
import java.util.List;
import dev.crmkit.core.common.CoreContext;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.customer.CustomerSettings;
import dev.crmkit.core.customer.DuplicatePolicy;
import dev.crmkit.spi.Checks;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.ValidationException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * CRMKit, wired: one per application, thread-safe, stateless between calls. Build it with {@link #builder()}:
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(storage)
 *         .clock(Clock.systemUTC())
 *         .defaultPhoneRegion("DE")
 *         .duplicatePolicy(DuplicatePolicy.WARN)
 *         .listener(event -> bus.publish(event.type(), event.payload()))
 *         .build();
 * crm.start();                                   // outbox relay and due-work scheduler threads
 * CustomerService customers = crm.tenant("acme").customers();
 * }</pre>
 *
 * <p>Every service call is one transaction and writes its domain events to the outbox in it; the {@link #relay()}
 * delivers them to the listeners at least once, in order per aggregate, also with several nodes on one database.
 */
public final class Crm implements AutoCloseable {
    private final CoreContext context;
    private final OutboxRelay relay;
    private final DueWorkScheduler scheduler;
    private final String defaultPhoneRegion;
    private final DuplicatePolicy duplicatePolicy;
    private final Map<String, DuplicatePolicy> tenantDuplicatePolicies;
    private final int importBatchSize;
    private final LeadSettings leadSettings;
    private final Map<String, LeadSettings> tenantLeadSettings;
    private final PredictiveModels predictiveModels = new PredictiveModels();

    private Crm(Builder builder, CoreContext context) {
        this.context = context;
        this.defaultPhoneRegion = builder.defaultPhoneRegion;
        this.duplicatePolicy = builder.duplicatePolicy;
        this.tenantDuplicatePolicies = Map.copyOf(builder.tenantDuplicatePolicies);
        this.importBatchSize = builder.importBatchSize;
        this.leadSettings = builder.leadSettings;
        this.tenantLeadSettings = Map.copyOf(builder.tenantLeadSettings);
        this.relay = OutboxRelay.create(context, builder.nodeId, builder.relaySettings);
        builder.listeners.forEach(relay::register);
        this.scheduler = DueWorkScheduler.create(context, builder.nodeId, builder.schedulerSettings);
        scheduler.register(TouchPointService.FOLLOW_UP_DUE, TouchPointService.followUpDueHandler(context));
        scheduler.register(LeadService.FIRST_CONTACT_DUE, LeadService.firstContactDueHandler(context));
        relay.register(new LeadRedistribution(this));
        scheduler.register(OpportunityService.STALLED, OpportunityService.stalledHandler(context));
    }

    /** A builder with the defaults: system UTC clock, time-ordered ids, international phone numbers only, WARN. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The services of one tenant.
     *
     * @throws ValidationException ({@code tenantId}) unless the id is 1 to 64 letters, digits, '.', '-' or '_'
     */
    public TenantCrm tenant(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        CustomerSettings settings = new CustomerSettings(defaultPhoneRegion,
                tenantDuplicatePolicies.getOrDefault(tenantId, duplicatePolicy), importBatchSize);
        return new DefaultTenantCrm(context, tenantId, settings,
                tenantLeadSettings.getOrDefault(tenantId, leadSettings), predictiveModels);
    }

    /**
     * The relay that delivers the outbox's events to the registered listeners. Call {@link OutboxRelay#relayOnce()}
     * from the host's own scheduler, or {@link #start()} CRMKit's background threads.
     */
    public OutboxRelay relay() {
        return relay;
    }

    /**
     * The scheduler that runs due work (follow-ups falling due, stalled deals) with leases, safe on several nodes. Call
     * {@link DueWorkScheduler#runDueWork()} from the host's own scheduler, or {@link #start()} the background threads.
     */
    public DueWorkScheduler scheduler() {
        return scheduler;
    }

    /** Starts the relay's and the scheduler's background threads (daemons); idempotent. */
    public void start() {
        relay.start();
        scheduler.start();
    }

    /** Stops the background threads, waiting for a batch in progress; idempotent. The storage stays open. */
    @Override
    public void close() {
        relay.close();
        scheduler.close();
    }

    /** The predictive lead-scoring models this instance trained, per tenant. */
    public PredictiveModels predictiveModels() {
        return predictiveModels;
    }

    /** The storage, clock, ids and event recorder the services share, for hosts adding their own services. */
    public CoreContext context() {
        return context;
    }

    /** Collects what {@link Crm} needs; {@link #build()} checks it and says what is missing or wrong. */
    public static final class Builder {
        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private JsonMapper json;
        private String defaultPhoneRegion = "ZZ";
        private DuplicatePolicy duplicatePolicy = DuplicatePolicy.WARN;
        private final Map<String, DuplicatePolicy> tenantDuplicatePolicies = new HashMap<>();
        private int importBatchSize = 500;
        private LeadSettings leadSettings = LeadSettings.defaults();
        private final Map<String, LeadSettings> tenantLeadSettings = new HashMap<>();
        private String nodeId = defaultNodeId();
        private final List<EventListener> listeners = new ArrayList<>();
        private OutboxRelay.Settings relaySettings = OutboxRelay.Settings.defaults();
        private DueWorkScheduler.Settings schedulerSettings = DueWorkScheduler.Settings.defaults();

        private Builder() {
        }

        /** The storage backend; required. */
        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /** The clock every timestamp comes from; defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The generator of record ids; defaults to time-ordered UUIDs (v7) from the clock. */
        public Builder ids(IdGenerator ids) {
            this.ids = ids;
            return this;
        }

        /** The JSON mapper events are written with; defaults to a plain Jackson {@link JsonMapper}. */
        public Builder jsonMapper(JsonMapper json) {
            this.json = json;
            return this;
        }

        /**
         * The region (ISO 3166, such as {@code DE}) national phone numbers are read in; defaults to {@code ZZ},
         * which accepts international numbers ({@code +49...}) only.
         */
        public Builder defaultPhoneRegion(String region) {
            this.defaultPhoneRegion = region;
            return this;
        }

        /** What registrations do about likely duplicates in every tenant without its own policy; defaults to WARN. */
        public Builder duplicatePolicy(DuplicatePolicy policy) {
            this.duplicatePolicy = policy;
            return this;
        }

        /** The duplicate policy of one tenant, overriding the default one. */
        public Builder duplicatePolicy(String tenantId, DuplicatePolicy policy) {
            Checks.tenantId("tenantId", tenantId);
            this.tenantDuplicatePolicies.put(tenantId, Checks.required("duplicatePolicy", policy));
            return this;
        }

        /** How many rows a bulk import writes per transaction, 1 to 1000; defaults to 500. */
        public Builder importBatchSize(int rows) {
            this.importBatchSize = rows;
            return this;
        }

        /** How every tenant without settings of its own works its leads; defaults to {@link LeadSettings#defaults()}. */
        public Builder leadSettings(LeadSettings settings) {
            this.leadSettings = settings;
            return this;
        }

        /** How one tenant works its leads, overriding the default lead settings. */
        public Builder leadSettings(String tenantId, LeadSettings settings) {
            Checks.tenantId("tenantId", tenantId);
            this.tenantLeadSettings.put(tenantId, Checks.required("leadSettings", settings));
            return this;
        }

        /**
         * This node's name among the application nodes that share the storage, used to claim outbox events and due
         * work; 1 to 100 characters. Defaults to the host name and process id.
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /** Adds a listener the relay delivers every domain event to, in registration order. */
        public Builder listener(EventListener listener) {
            this.listeners.add(Checks.required("listener", listener));
            return this;
        }

        /** How the outbox relay claims and polls; defaults to {@link OutboxRelay.Settings#defaults()}. */
        public Builder relaySettings(OutboxRelay.Settings settings) {
            this.relaySettings = settings;
            return this;
        }

        /** How the due-work scheduler claims, retries and polls; defaults to {@link DueWorkScheduler.Settings#defaults()}. */
        public Builder schedulerSettings(DueWorkScheduler.Settings settings) {
            this.schedulerSettings = settings;
            return this;
        }

        private static String defaultNodeId() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "node";
            }
            String id = host + "-" + ProcessHandle.current().pid();
            return id.length() <= 100 ? id : id.substring(0, 100);
        }

        /**
         * Checks the settings and builds the {@link Crm}.
         *
         * @throws ValidationException naming the setting that is missing or invalid: {@code storage},
         *     {@code clock}, {@code defaultPhoneRegion}, {@code duplicatePolicy}, {@code importBatchSize},
         *     {@code nodeId}, {@code relaySettings}, {@code schedulerSettings}, {@code leadSettings}
         */
        public Crm build() {
            if (storage == null) {
                throw new ValidationException("storage", "is required: pass the adapter's Storage to storage(...)");
            }
            if (clock == null) {
                throw new ValidationException("clock", "must not be null; leave it unset for the system UTC clock");
            }
            Checks.text("nodeId", nodeId, 100);
            Checks.required("relaySettings", relaySettings);
            Checks.required("schedulerSettings", schedulerSettings);
            Checks.required("leadSettings", leadSettings);
            // Validates region, policy and batch size with their own field names.
            new CustomerSettings(defaultPhoneRegion, duplicatePolicy, importBatchSize);
            CoreContext context = new CoreContext(storage, clock, ids != null ? ids : IdGenerator.timeOrdered(clock),
                    json != null ? json : JsonMapper.builder().build());
            return new Crm(this, context);
        }
    }
}
