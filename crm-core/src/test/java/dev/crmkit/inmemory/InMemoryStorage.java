package dev.crmkit.inmemory;

import dev.crmkit.spi.*;
import dev.crmkit.spi.customer.*;
import dev.crmkit.spi.customfield.*;
import dev.crmkit.spi.outbox.*;
import dev.crmkit.spi.scheduling.*;
import dev.crmkit.spi.touchpoint.*;
import java.lang.reflect.Proxy;
import java.time.*;
import java.util.*;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** TEMPORARY scratch storage for running core tests before the real in-memory adapter lands. */
public final class InMemoryStorage implements Storage {
    private final ReentrantLock lock = new ReentrantLock();
    private Map<String, Object> state = new HashMap<>();
    private long seq;

    @SuppressWarnings("unchecked")
    private <T> Map<String, T> table(String name) {
        return (Map<String, T>) state.computeIfAbsent(name, k -> new LinkedHashMap<String, T>());
    }

    private <T> T locked(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        lock.lock();
        Map<String, Object> snapshot = new HashMap<>();
        state.forEach((k, v) -> snapshot.put(k, new LinkedHashMap<>((Map<?, ?>) v)));
        long seqBefore = seq;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            state = snapshot;
            seq = seqBefore;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private static String k(String tenant, Object id) {
        return tenant + "|" + id;
    }

    private static <T> Page<T> page(List<T> sorted, PageRequest req, java.util.function.Function<T, String> key) {
        int start = 0;
        if (req.after() != null) {
            String after = req.after().keys(1).get(0);
            start = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (key.apply(sorted.get(i)).equals(after)) {
                    start = i + 1;
                }
            }
        }
        List<T> items = sorted.subList(Math.min(start, sorted.size()), Math.min(start + req.limit(), sorted.size()));
        Optional<Cursor> next = items.size() == req.limit()
                ? Optional.of(Cursor.of(List.of(key.apply(items.get(items.size() - 1))))) : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public CustomerStore customers() {
        return new CustomerStore() {
            public CustomerRecord insert(CustomerRecord c) {
                return locked(() -> {
                    if (table("c").containsKey(k(c.tenantId(), c.id()))) throw new DuplicateException("customer", "id");
                    table("c").put(k(c.tenantId(), c.id()), c);
                    return c;
                });
            }
            public void insertAll(List<CustomerRecord> cs) { locked(() -> { cs.forEach(this::insert); return null; }); }
            public CustomerRecord update(CustomerRecord c, long v) { throw new UnsupportedOperationException(); }
            public Optional<CustomerRecord> get(String t, UUID id) {
                return locked(() -> Optional.ofNullable(this.<CustomerRecord>tbl().get(k(t, id))));
            }
            private <T> Map<String, T> tbl() { return table("c"); }
            public List<CustomerRecord> getAll(String t, List<UUID> ids) {
                return locked(() -> ids.stream().map(id -> this.<CustomerRecord>tbl().get(k(t, id))).filter(Objects::nonNull).toList());
            }
            public Optional<CustomerRecord> findByExternalRef(String t, String r) { throw new UnsupportedOperationException(); }
            public Page<CustomerRecord> find(String t, CustomerCriterion c, PageRequest p) { throw new UnsupportedOperationException(); }
            public long count(String t, CustomerCriterion c) { throw new UnsupportedOperationException(); }
            public List<CustomerRecord> findByNameKey(String t, String n, int l) { throw new UnsupportedOperationException(); }
            public Page<SharedValue> sharedNameKeys(String t, PageRequest p) { throw new UnsupportedOperationException(); }
        };
    }

    @Override
    public ContactPointStore contactPoints() {
        return (ContactPointStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ContactPointStore.class},
                (proxy, m, args) -> locked(() -> {
                    Map<String, ContactPointRecord> t = table("cp");
                    switch (m.getName()) {
                        case "insert": { ContactPointRecord r = (ContactPointRecord) args[0]; t.put(k(r.tenantId(), r.id()), r); return r; }
                        case "forCustomer": return t.values().stream().filter(r -> r.tenantId().equals(args[0]) && r.customerId().equals(args[1])).toList();
                        default: throw new UnsupportedOperationException(m.getName());
                    }
                }));
    }

    @Override
    public RelationshipStore relationships() {
        return (RelationshipStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RelationshipStore.class},
                (proxy, m, args) -> locked(() -> {
                    Map<String, RelationshipRecord> t = table("rel");
                    switch (m.getName()) {
                        case "insert": { RelationshipRecord r = (RelationshipRecord) args[0]; t.put(k(r.tenantId(), r.id()), r); return r; }
                        case "involving": return t.values().stream().filter(r -> r.tenantId().equals(args[0]) && (r.personId().equals(args[1]) || r.organizationId().equals(args[1])))
                                .limit((Integer) args[2]).toList();
                        default: throw new UnsupportedOperationException(m.getName());
                    }
                }));
    }

    @Override
    public CustomFieldDefinitionStore customFieldDefinitions() {
        throw new UnsupportedOperationException();
    }

    private static final Comparator<InteractionRecord> NEWEST = Comparator.comparing(InteractionRecord::occurredAt)
            .thenComparing(InteractionRecord::id, Ids.ORDER).reversed();

    @Override
    public InteractionStore interactions() {
        return new InteractionStore() {
            Map<String, InteractionRecord> t() { return table("i"); }
            public InteractionRecord insert(InteractionRecord r) {
                return locked(() -> {
                    if (t().containsKey(k(r.tenantId(), r.id()))) throw new DuplicateException("interaction", "id");
                    if (r.idempotencyKey() != null && findByIdempotencyKey(r.tenantId(), r.idempotencyKey()).isPresent())
                        throw new DuplicateException("interaction", "idempotencyKey");
                    t().put(k(r.tenantId(), r.id()), r);
                    return r;
                });
            }
            public void insertAll(List<InteractionRecord> rs) { locked(() -> { rs.forEach(this::insert); return null; }); }
            public Optional<InteractionRecord> get(String tn, UUID id) { return locked(() -> Optional.ofNullable(t().get(k(tn, id)))); }
            public Optional<InteractionRecord> findByIdempotencyKey(String tn, String key) {
                return locked(() -> t().values().stream().filter(r -> r.tenantId().equals(tn) && key.equals(r.idempotencyKey())).findFirst());
            }
            public Page<InteractionRecord> timeline(String tn, UUID c, TimelineFilter f, PageRequest p) {
                return locked(() -> page(t().values().stream().filter(r -> r.tenantId().equals(tn) && r.customerId().equals(c) && f.test(r))
                        .sorted(NEWEST).toList(), p, r -> r.id().toString()));
            }
            public List<ChannelActivity> activityByChannel(String tn, UUID c) {
                return locked(() -> {
                    Map<Channel, List<InteractionRecord>> by = new TreeMap<>();
                    t().values().stream().filter(r -> r.tenantId().equals(tn) && r.customerId().equals(c))
                            .forEach(r -> by.computeIfAbsent(r.channel(), x -> new ArrayList<>()).add(r));
                    List<ChannelActivity> out = new ArrayList<>();
                    by.forEach((ch, rs) -> out.add(new ChannelActivity(ch, rs.size(), rs.stream().map(InteractionRecord::occurredAt).max(Comparator.naturalOrder()).get())));
                    return out;
                });
            }
            public long count(String tn, UUID c, Direction d, Purpose pu, Instant since) {
                return locked(() -> t().values().stream().filter(r -> r.tenantId().equals(tn) && r.customerId().equals(c) && r.direction() == d
                        && r.purpose() == pu && !r.occurredAt().isBefore(since)).count());
            }
            public int moveAll(String tn, UUID f, UUID to, Instant now) { throw new UnsupportedOperationException(); }
        };
    }

    private static final Comparator<TaskRecord> DUE = Comparator.comparing(TaskRecord::dueAt).thenComparing(TaskRecord::id, Ids.ORDER);

    @Override
    public TaskStore tasks() {
        return new TaskStore() {
            Map<String, TaskRecord> t() { return table("t"); }
            public TaskRecord insert(TaskRecord r) {
                return locked(() -> {
                    if (t().containsKey(k(r.tenantId(), r.id()))) throw new DuplicateException("task", "id");
                    t().put(k(r.tenantId(), r.id()), r);
                    return r;
                });
            }
            public TaskRecord update(TaskRecord r, long v) {
                return locked(() -> {
                    TaskRecord old = t().get(k(r.tenantId(), r.id()));
                    if (old == null) throw new NotFoundException("task", r.id());
                    if (old.version() != v) throw ConflictException.staleVersion("task", r.id(), v);
                    TaskRecord n = new TaskRecord(r.tenantId(), r.id(), v + 1, old.createdAt(), r.updatedAt(), r.customerId(), r.interactionId(),
                            r.title(), r.assigneeId(), r.dueAt(), r.status(), r.completedAt());
                    t().put(k(r.tenantId(), r.id()), n);
                    return n;
                });
            }
            public Optional<TaskRecord> get(String tn, UUID id) { return locked(() -> Optional.ofNullable(t().get(k(tn, id)))); }
            public Page<TaskRecord> openForCustomer(String tn, UUID c, PageRequest p) {
                return locked(() -> page(t().values().stream().filter(r -> r.tenantId().equals(tn) && r.customerId().equals(c) && r.status() == TaskStatus.OPEN)
                        .sorted(DUE).toList(), p, r -> r.id().toString()));
            }
            public Page<TaskRecord> openForAssignee(String tn, String a, PageRequest p) {
                return locked(() -> page(t().values().stream().filter(r -> r.tenantId().equals(tn) && a.equals(r.assigneeId()) && r.status() == TaskStatus.OPEN)
                        .sorted(DUE).toList(), p, r -> r.id().toString()));
            }
            public int moveAll(String tn, UUID f, UUID to, Instant now) { throw new UnsupportedOperationException(); }
        };
    }

    record Held(OutboxEvent e, String by, Instant until, boolean delivered) {}

    @Override
    public OutboxStore outbox() {
        return new OutboxStore() {
            Map<String, Held> t() { return table("o"); }
            public void append(List<OutboxEvent> events) {
                locked(() -> {
                    for (OutboxEvent e : events) {
                        seq++;
                        t().put(e.id().toString(), new Held(new OutboxEvent(e.tenantId(), e.id(), e.aggregateType(), e.aggregateId(), e.type(), e.payload(), e.occurredAt(), seq), null, null, false));
                    }
                    return null;
                });
            }
            public List<OutboxEvent> claim(String claimer, int limit, Duration lease, Instant now) {
                Checks.limit("limit", limit, 1000);
                return locked(() -> {
                    List<Held> all = t().values().stream().filter(h -> !h.delivered()).sorted(Comparator.comparingLong(h -> h.e().sequence())).toList();
                    Set<String> blocked = new HashSet<>();
                    List<OutboxEvent> out = new ArrayList<>();
                    for (Held h : all) {
                        String agg = h.e().aggregateType() + "|" + h.e().aggregateId();
                        boolean heldElsewhere = h.by() != null && h.until().isAfter(now);
                        if (blocked.contains(agg)) continue;
                        if (heldElsewhere) { blocked.add(agg); continue; }
                        if (out.size() < limit) {
                            out.add(h.e());
                            t().put(h.e().id().toString(), new Held(h.e(), claimer, now.plus(lease), false));
                        } else {
                            blocked.add(agg);
                        }
                    }
                    return out;
                });
            }
            public int markDelivered(String claimer, List<UUID> ids, Instant now) {
                return locked(() -> {
                    int n = 0;
                    for (UUID id : ids) {
                        Held h = t().get(id.toString());
                        if (h != null && !h.delivered() && claimer.equals(h.by())) { t().put(id.toString(), new Held(h.e(), null, null, true)); n++; }
                    }
                    return n;
                });
            }
            public int release(String claimer, List<UUID> ids) {
                return locked(() -> {
                    int n = 0;
                    for (UUID id : ids) {
                        Held h = t().get(id.toString());
                        if (h != null && !h.delivered() && claimer.equals(h.by())) { t().put(id.toString(), new Held(h.e(), null, null, false)); n++; }
                    }
                    return n;
                });
            }
            public long countUndelivered() { return locked(() -> t().values().stream().filter(h -> !h.delivered()).count()); }
            public int purgeDelivered(Instant before) { throw new UnsupportedOperationException(); }
        };
    }

    @Override
    public DueWorkStore dueWork() {
        return new DueWorkStore() {
            Map<String, DueWorkRecord> t() { return table("d"); }
            public DueWorkRecord schedule(DueWorkRecord w) {
                return locked(() -> {
                    String key = w.tenantId() + "|" + w.kind() + "|" + w.key();
                    DueWorkRecord old = t().get(key);
                    DueWorkRecord n = new DueWorkRecord(w.tenantId(), old == null ? w.id() : old.id(), w.kind(), w.key(), w.dueAt(), w.payload(), null, null, old == null ? 0 : old.attempts());
                    t().put(key, n);
                    return n;
                });
            }
            public boolean cancel(String tn, String kind, String key) { return locked(() -> t().remove(tn + "|" + kind + "|" + key) != null); }
            public Optional<DueWorkRecord> find(String tn, String kind, String key) { return locked(() -> Optional.ofNullable(t().get(tn + "|" + kind + "|" + key))); }
            public List<DueWorkRecord> claimDue(String claimer, int limit, Duration lease, Instant now) {
                return locked(() -> {
                    List<DueWorkRecord> due = t().values().stream().filter(w -> !w.dueAt().isAfter(now) && (w.claimedBy() == null || !w.leaseUntil().isAfter(now)))
                            .sorted(Comparator.comparing(DueWorkRecord::dueAt)).limit(limit).toList();
                    List<DueWorkRecord> out = new ArrayList<>();
                    for (DueWorkRecord w : due) {
                        DueWorkRecord n = new DueWorkRecord(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload(), claimer, now.plus(lease), w.attempts() + 1);
                        t().put(w.tenantId() + "|" + w.kind() + "|" + w.key(), n);
                        out.add(n);
                    }
                    return out;
                });
            }
            private Optional<Map.Entry<String, DueWorkRecord>> held(String claimer, String tn, UUID id) {
                return t().entrySet().stream().filter(e -> e.getValue().tenantId().equals(tn) && e.getValue().id().equals(id) && claimer.equals(e.getValue().claimedBy())).findFirst();
            }
            public boolean complete(String claimer, String tn, UUID id) {
                return locked(() -> held(claimer, tn, id).map(e -> t().remove(e.getKey()) != null).orElse(false));
            }
            public boolean retryLater(String claimer, String tn, UUID id, Instant at) {
                return locked(() -> held(claimer, tn, id).map(e -> {
                    DueWorkRecord w = e.getValue();
                    t().put(e.getKey(), new DueWorkRecord(w.tenantId(), w.id(), w.kind(), w.key(), at, w.payload(), null, null, w.attempts()));
                    return true;
                }).orElse(false));
            }
        };
    }

    @Override
    public TransactionRunner transactions() {
        return new TransactionRunner() {
            public <T> T inTransaction(Supplier<T> work) { return locked(work); }
        };
    }
}
