package dev.crmkit.core;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.EventCatalog;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.internal.Assembly;
import dev.crmkit.core.internal.Modules;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.port.EventListener;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CRMKit, wired: one per application, thread-safe, stateless between calls. Build it with {@link #builder()}:
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(storage)
 *         .clock(Clock.systemUTC())
 *         .defaultPhoneRegion("DE")
 *         .listener(event -> bus.publish(event.type(), event.payload()))
 *         .build();
 * crm.start();                                   // outbox relay and due-work scheduler threads
 * CustomerService customers = crm.tenant("acme").service(CustomerService.class);
 * }</pre>
 *
 * <p>{@code Crm} composes the registered {@link DomainModule domains}: CRMKit's built-in ones by default (customers,
 * custom fields, touch points, the 360-degree view, the team, leads, opportunities) and a host's own. It names none of
 * them; each brings its services, due-work handlers, events and reactions. A host that wants only some domains says so
 * with {@link Builder#modules(DomainModule...)}, and runs no service, handler or thread of the others.
 *
 * <p>Every service call is one transaction and writes its domain events to the outbox in it; the {@link #relay()}
 * delivers them to the listeners at least once, in order per aggregate, also with several nodes on one database.
 */
public final class Crm implements AutoCloseable {
    /** How long {@link #close()} goes on delivering the events still waiting, at most. */
    static final int CLOSE_DRAIN_SECONDS = 5;
    static final Duration CLOSE_DRAIN = Duration.ofSeconds(CLOSE_DRAIN_SECONDS);

    private final Assembly assembly;
    private final OutboxRelay relay;
    private final DueWorkScheduler scheduler;
    private volatile boolean started;

    private Crm(Builder builder, Assembly assembly) {
        this.assembly = assembly;
        this.relay = OutboxRelay.create(builder.storage, builder.clock, builder.nodeId, builder.relaySettings);
        builder.listeners.forEach(relay::register);
        relay.register(assembly.reactions(this::tenant));
        this.scheduler = DueWorkScheduler.create(builder.storage, builder.clock, builder.nodeId,
                builder.schedulerSettings);
        assembly.dueWorkHandlers().forEach(scheduler::register);
    }

    /** A builder with the defaults: system UTC clock, time-ordered ids, international phone numbers only. */
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
        return new DefaultTenantCrm(assembly, tenantId);
    }

    /** The names of the registered domains, each after the domains it requires. */
    public List<String> modules() {
        return assembly.moduleNames();
    }

    /** Every event type the registered domains record, with its stable name and schema version. */
    public EventCatalog events() {
        return assembly.events();
    }

    /**
     * The relay that delivers the outbox's events to the registered listeners and the domains' reactions. Call
     * {@link OutboxRelay#relayOnce()} from the host's own scheduler, or {@link #start()} CRMKit's background threads.
     */
    public OutboxRelay relay() {
        return relay;
    }

    /**
     * The scheduler that runs the domains' due work (follow-ups falling due, stalled deals) with leases, safe on
     * several nodes. Call {@link DueWorkScheduler#runDueWork()} from the host's own scheduler, or {@link #start()} the
     * background threads.
     */
    public DueWorkScheduler scheduler() {
        return scheduler;
    }

    /** Starts the relay's and the scheduler's background threads (daemons); idempotent. */
    public void start() {
        started = true;
        relay.start();
        scheduler.start();
    }

    /**
     * Stops the background threads, waiting for a batch in progress; idempotent. The storage stays open. When the
     * threads were started, the relay first goes on delivering the events still waiting, for at most
     * {@value #CLOSE_DRAIN_SECONDS} seconds, so a short program's listeners hear about what it did; whatever is left
     * is delivered by the next relay to run, on this node or another.
     */
    @Override
    public void close() {
        if (started) {
            started = false;
            relay.stop();
            long deadline = System.nanoTime() + CLOSE_DRAIN.toNanos();
            while (System.nanoTime() < deadline && relay.relayOnce().claimed() > 0) {
                // until the outbox is drained or the time is up
            }
        }
        relay.close();
        scheduler.close();
    }

    /** Collects what {@link Crm} needs; {@link #build()} checks it and says what is missing or wrong. */
    public static final class Builder {
        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private String defaultPhoneRegion = "ZZ";
        private List<DomainModule> baseModules;
        private final List<DomainModule> addedModules = new ArrayList<>();
        private String nodeId = defaultNodeId();
        private final List<EventListener> listeners = new ArrayList<>();
        private OutboxRelay.Settings relaySettings = OutboxRelay.Settings.defaults();
        private DueWorkScheduler.Settings schedulerSettings = DueWorkScheduler.Settings.defaults();

        private Builder() {
        }

        /** The storage backend; required. It must offer the storage capabilities of every registered domain. */
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

        /**
         * The region (ISO 3166, such as {@code DE}) national phone numbers are read in, by every domain; defaults to
         * {@code ZZ}, which accepts international numbers ({@code +49...}) only.
         */
        public Builder defaultPhoneRegion(String region) {
            this.defaultPhoneRegion = region;
            return this;
        }

        /**
         * Adds a domain, such as a host's own, or replaces the registered domain of the same name (a built-in one with
         * other settings: {@code module(CustomerModule.builder().duplicatePolicy(BLOCK).build())}).
         */
        public Builder module(DomainModule module) {
            this.addedModules.add(module);
            return this;
        }

        /**
         * Runs exactly these domains instead of the built-in ones found on the class path (a web shop: customers, touch
         * points and its own loyalty domain, no leads or deals). Domains added with {@link #module} still join them.
         */
        public Builder modules(DomainModule... modules) {
            Checks.required("modules", modules);
            this.baseModules = new ArrayList<>(List.of(modules));
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
         * Checks the settings and the domains, installs the domains and builds the {@link Crm}.
         *
         * @throws ValidationException naming the setting that is missing or invalid: {@code storage} (missing, or
         *     lacking a capability a registered domain needs, named in the message), {@code clock},
         *     {@code defaultPhoneRegion}, {@code nodeId}, {@code relaySettings}, {@code schedulerSettings},
         *     {@code modules} (a required domain not registered, domains requiring each other, a malformed name), or
         *     what a domain's installation rejected (two domains offering one service type, due-work kind or event
         *     type)
         */
        public Crm build() {
            if (storage == null) {
                throw new ValidationException("storage", "is required: pass the adapter's Storage to storage(...)");
            }
            if (clock == null) {
                throw new ValidationException("clock", "must not be null; leave it unset for the system UTC clock");
            }
            Checks.required("defaultPhoneRegion", defaultPhoneRegion);
            if (!"ZZ".equals(defaultPhoneRegion)
                    && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultPhoneRegion)) {
                throw new ValidationException("defaultPhoneRegion",
                        "must be a supported ISO 3166 region code such as DE, or ZZ");
            }
            Checks.text("nodeId", nodeId, 100);
            Checks.required("relaySettings", relaySettings);
            Checks.required("schedulerSettings", schedulerSettings);
            List<DomainModule> modules = Modules.resolve(baseModules != null ? baseModules : Modules.discovered(),
                    addedModules, storage);
            Assembly assembly = Assembly.install(storage, clock, ids != null ? ids : IdGenerator.timeOrdered(clock),
                    defaultPhoneRegion, modules);
            return new Crm(this, assembly);
        }
    }
}
