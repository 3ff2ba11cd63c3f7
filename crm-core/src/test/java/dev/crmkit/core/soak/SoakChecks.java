package dev.crmkit.core.soak;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.customer.ContactPoint;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.opportunity.Opportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The checks of {@link TwoNodeSoakTest}, over what the nodes wrote down ({@link Observed}) and, where the question is
 * what is stored, the tenants' services; each adds its outcome and figures to the {@link Findings}.
 */
final class SoakChecks {
    private SoakChecks() {
    }

    static void checkAcknowledged(Crm crm, Properties setup, Observed seen, Findings findings) {
        TenantCrm main = crm.tenant(setup.getProperty("tenant"));
        Set<String> unknown = seen.acks.stream().filter(a -> a[0].equals("unknown")).map(a -> a[2])
                .collect(Collectors.toSet());
        int lost = 0;
        int checked = 0;
        List<String> examples = new ArrayList<>();
        // versioned aggregates: every acknowledged version is its own, and the last one is what is stored
        for (String kind : List.of("customer", "deal")) {
            Map<String, List<String[]>> byAggregate = seen.acks.stream().filter(a -> a[0].equals(kind))
                    .collect(Collectors.groupingBy(a -> a[1]));
            for (Map.Entry<String, List<String[]>> e : byAggregate.entrySet()) {
                List<String[]> acked = e.getValue();
                checked += acked.size();
                // a call that changes nothing (a move to the stage the deal is in) returns the version as it is
                Map<String, String> valueAtVersion = new HashMap<>();
                for (String[] a : acked) {
                    String before = valueAtVersion.putIfAbsent(a[2], a[3]);
                    if (before != null && !before.equals(a[3])) {
                        lost++;
                        examples.add(kind + " version " + a[2] + " acknowledged for two different changes");
                    }
                }
                String[] last = acked.stream().max(Comparator.comparingLong(a -> Long.parseLong(a[2]))).orElseThrow();
                UUID id = UUID.fromString(e.getKey());
                long storedVersion;
                String storedValue;
                if (kind.equals("customer")) {
                    Customer c = main.service(CustomerService.class).get(id);
                    storedVersion = c.version();
                    storedValue = c.displayName();
                } else {
                    Opportunity o = main.service(OpportunityService.class).opportunity(id);
                    storedVersion = o.version();
                    storedValue = o.stageKey();
                }
                // only these calls change the name or the stage, so the last acknowledged one is what is stored, even
                // when other writes (a contact point, once it versions the customer) moved the version on since
                if (storedVersion < Long.parseLong(last[2])) {
                    lost++;
                    examples.add(kind + " stored at version " + storedVersion + " after an acknowledged " + last[2]);
                } else if (!unknown.contains(e.getKey()) && !storedValue.equals(last[3])) {
                    lost++;
                    examples.add(kind + " stored with another value than its last acknowledged change");
                }
            }
        }
        // created items: each acknowledged one is stored
        Map<String, Set<UUID>> pointsByCustomer = new HashMap<>();
        for (String[] a : seen.acks) {
            try {
                switch (a[0]) {
                    case "contact" -> {
                        checked++;
                        Set<UUID> points = pointsByCustomer.computeIfAbsent(a[1] + "/" + a[2], k -> crm.tenant(a[1])
                                .service(CustomerService.class).get(UUID.fromString(a[2])).contactPoints().stream()
                                .map(ContactPoint::id).collect(Collectors.toSet()));
                        if (!points.contains(UUID.fromString(a[3]))) {
                            lost++;
                            examples.add("an acknowledged contact point is missing");
                        }
                    }
                    case "lead" -> {
                        checked++;
                        crm.tenant(a[1]).service(LeadService.class).get(UUID.fromString(a[2]));
                    }
                    case "followup" -> {
                        checked++;
                        main.service(TouchPointService.class).followUp(UUID.fromString(a[1]));
                    }
                    default -> {
                    }
                }
            } catch (NotFoundException e) {
                lost++;
                examples.add("an acknowledged " + a[0] + " is missing");
            }
        }
        findings.check("no acknowledged change lost", lost == 0, checked + " acknowledged changes checked, " + lost
                + " lost, " + unknown.size() + " calls of unknown outcome" + examples(examples));
    }

    static void checkDelivered(Observed seen, Findings findings) {
        Set<String> delivered = seen.deliveries.stream().map(d -> d.eventId).collect(Collectors.toSet());
        long unmarked = seen.outbox.values().stream().filter(e -> !e.delivered).count();
        long neverHanded = seen.outbox.keySet().stream().filter(id -> !delivered.contains(id)).count();
        findings.check("every event delivered", unmarked == 0 && neverHanded == 0, seen.outbox.size()
                + " events in the outbox, " + unmarked + " not marked delivered, " + neverHanded
                + " never handed to a listener");
    }

    /**
     * Each aggregate's first deliveries, by the time they were handed over, must follow the commit ranks; the
     * outbox sequence is compared as well, for the record.
     */
    static void checkOrder(Observed seen, Findings findings) {
        Map<String, Delivery> first = new HashMap<>();
        for (Delivery d : seen.deliveries) {
            first.merge(d.eventId, d, (a, b) -> a.micros <= b.micros ? a : b);
        }
        Map<String, List<Delivery>> byAggregate = first.values().stream().filter(d -> seen.outbox.containsKey(d.eventId))
                .collect(Collectors.groupingBy(d -> d.tenant + "/" + d.aggregateType + "/" + d.aggregateId));
        int behindCommit = 0;
        int behindSequence = 0;
        int unranked = 0;
        Set<String> aggregatesOutOfOrder = new HashSet<>();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Delivery>> e : byAggregate.entrySet()) {
            List<Delivery> inOrder = new ArrayList<>(e.getValue());
            inOrder.sort(Comparator.comparingLong((Delivery d) -> d.micros).thenComparingLong(d -> d.sequence));
            Long maxRank = null;
            String maxType = null;
            long maxSequence = Long.MIN_VALUE;
            for (Delivery d : inOrder) {
                Long rank = seen.ranks.get(d.eventId);
                if (d.sequence < maxSequence) {
                    behindSequence++;
                }
                maxSequence = Math.max(maxSequence, d.sequence);
                if (rank == null) {
                    unranked++;
                    continue;
                }
                if (maxRank != null && rank < maxRank) {
                    behindCommit++;
                    aggregatesOutOfOrder.add(e.getKey());
                    pairs.merge(d.type + " delivered after a later-committed " + maxType, 1, Integer::sum);
                }
                if (maxRank == null || rank >= maxRank) {
                    maxRank = rank;
                    maxType = d.type;
                }
            }
        }
        findings.check("every aggregate's events delivered in commit order", behindCommit == 0, byAggregate.size()
                + " aggregates, " + behindCommit + " events delivered after an event of their aggregate that committed"
                + " later (" + aggregatesOutOfOrder.size() + " aggregates)" + (pairs.isEmpty() ? "" : ": " + pairs)
                + "; " + behindSequence + " delivered after a higher outbox sequence; " + unranked
                + " events without a commit stamp");
    }

    static void checkDueWorkOnce(Observed seen, Findings findings) {
        Map<String, Long> fired = seen.outbox.values().stream().filter(e -> e.type.equals("follow-up.due"))
                .collect(Collectors.groupingBy(e -> e.aggregateId, Collectors.counting()));
        int never = 0;
        int twice = 0;
        int scheduled = 0;
        for (String[] a : seen.acks) {
            if (a[0].equals("followup")) {
                scheduled++;
                long n = fired.getOrDefault(a[1], 0L);
                never += n == 0 ? 1 : 0;
                twice += n > 1 ? 1 : 0;
            }
        }
        findings.check("due work fired exactly once", never == 0 && twice == 0, scheduled
                + " follow-ups fell due, " + never + " never fired, " + twice + " fired more than once");
    }

    static void checkCapacity(Crm crm, Properties setup, int slots, int capacity, Findings findings) {
        int over = 0;
        int most = 0;
        int leads = 0;
        for (int i = 0; i < slots; i++) {
            List<Lead> open = crm.tenant(setup.getProperty("slotTenantPrefix") + i).service(LeadService.class)
                    .find(LeadFilter.open(), PageRequest.first(100)).items();
            leads += open.size();
            Map<UUID, Long> byOwner = open.stream().filter(l -> l.ownerId() != null)
                    .collect(Collectors.groupingBy(Lead::ownerId, Collectors.counting()));
            for (long n : byOwner.values()) {
                most = (int) Math.max(most, n);
                over += n > capacity ? 1 : 0;
            }
        }
        findings.check("no rep over capacity", over == 0, slots + " reps of capacity " + capacity + ", " + leads
                + " leads captured in their slots, " + over + " reps over capacity, most open leads of one rep: "
                + most);
    }

    static void checkContactPoints(Crm crm, Properties setup, int slots, Findings findings) {
        List<Customer> customers = new ArrayList<>();
        CustomerService main = crm.tenant(setup.getProperty("tenant")).service(CustomerService.class);
        for (String id : setup.getProperty("customers").split(",")) {
            customers.add(main.get(UUID.fromString(id)));
        }
        for (int i = 0; i < slots; i++) {
            customers.add(crm.tenant(setup.getProperty("slotTenantPrefix") + i).service(CustomerService.class)
                    .get(UUID.fromString(setup.getProperty("slotCustomer." + i))));
        }
        int twoPrimaries = 0;
        int repeated = 0;
        int points = 0;
        for (Customer c : customers) {
            points += c.contactPoints().size();
            Map<Object, Long> primaries = c.contactPoints().stream().filter(ContactPoint::primary)
                    .collect(Collectors.groupingBy(ContactPoint::kind, Collectors.counting()));
            twoPrimaries += (int) primaries.values().stream().filter(n -> n > 1).count();
            Map<String, Long> values = c.contactPoints().stream().filter(p -> p.value() != null)
                    .collect(Collectors.groupingBy(p -> p.kind() + ":" + p.value(), Collectors.counting()));
            repeated += (int) values.values().stream().filter(n -> n > 1).count();
        }
        findings.check("contact-point rules held", twoPrimaries == 0 && repeated == 0, customers.size()
                + " customers with " + points + " contact points, " + twoPrimaries
                + " with two primaries of one kind, " + repeated + " values held twice");
    }

    static void checkDuplicates(Observed seen, double bound, Findings findings) {
        Map<String, Long> times = seen.deliveries.stream().filter(d -> seen.outbox.containsKey(d.eventId))
                .collect(Collectors.groupingBy(d -> d.eventId, Collectors.counting()));
        long events = times.size();
        long again = times.values().stream().filter(n -> n > 1).count();
        double rate = events == 0 ? 0 : (double) again / events;
        long acked = seen.acks.stream().filter(a -> !a[0].equals("unknown")).count();
        findings.check("duplicate-delivery rate below " + bound, rate < bound, String.format(
                "%d of %d events delivered more than once (rate %.5f); throughput: %.0f acknowledged writes/s,"
                        + " %.0f events/s written over %d s", again, events, rate,
                acked / (double) findings.seconds, seen.outbox.size() / (double) findings.seconds, findings.seconds));
    }

    private static String examples(List<String> examples) {
        return examples.isEmpty() ? "" : " (e.g. " + examples.stream().distinct().limit(3)
                .collect(Collectors.joining("; ")) + ")";
    }

    /** One event handed to a listener. */
    record Delivery(String eventId, String tenant, String type, String aggregateType, String aggregateId,
            long sequence, long micros, String node) {
    }

    /** One outbox row of the test's tenants. */
    record OutboxRow(String type, String aggregateId, boolean delivered) {
    }

    /** What the nodes wrote down and the database holds, for the test's tenants. */
    record Observed(List<String[]> acks, List<Delivery> deliveries, Map<String, OutboxRow> outbox,
            Map<String, Long> ranks) {
        static Observed read(Path dir, DataSource pool, String run) throws IOException, SQLException {
            List<String[]> acks = new ArrayList<>();
            List<Delivery> deliveries = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                for (String line : Files.readAllLines(dir.resolve(node + ".acks"))) {
                    acks.add(line.split("\t", -1));
                }
                for (String line : Files.readAllLines(dir.resolve(node + ".deliveries"))) {
                    String[] f = line.split("\t", -1);
                    if (f[1].startsWith(run)) {
                        deliveries.add(new Delivery(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]),
                                Long.parseLong(f[6]), f[7]));
                    }
                }
            }
            Map<String, OutboxRow> outbox = new HashMap<>();
            Map<String, Long> ranks = new HashMap<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT id, type, aggregateid, delivered_at FROM crm_outbox"
                        + " WHERE tenant_id LIKE '" + run + "%'")) {
                    while (rs.next()) {
                        outbox.put(rs.getString(1), new OutboxRow(rs.getString(2), rs.getString(3),
                                rs.getObject(4) != null));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT event_id, commit_rank FROM soak_event_rank")) {
                    while (rs.next()) {
                        ranks.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Observed(acks, deliveries, outbox, ranks);
        }
    }

    /** The checks' outcomes with their figures, printed together so one failing check hides none of the others. */
    static final class Findings {
        final String backend;
        final int seconds;
        final List<String> lines = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        Findings(String backend, int seconds) {
            this.backend = backend;
            this.seconds = seconds;
        }

        void check(String what, boolean held, String figures) {
            lines.add((held ? "  held   " : "  FAILED ") + what + ": " + figures);
            if (!held) {
                failed.add(what);
            }
        }

        String report() {
            return "[two-node soak, " + backend + ", " + seconds + " s]\n" + String.join("\n", lines);
        }

        void print(PrintStream out) {
            out.println(report());
        }
    }
}
