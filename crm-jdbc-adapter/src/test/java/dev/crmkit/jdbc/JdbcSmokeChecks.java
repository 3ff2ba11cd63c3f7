package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.SharedValue;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Quick checks of the JDBC adapter's basics on one backend, run beside the TCK: what a dialect most easily gets
 * wrong (id order, instants, exact text, typed custom fields, duplicate keys, claims).
 */
abstract class JdbcSmokeChecks {
    static final String TENANT = "acme";
    static final UUID OWNER = UUID.fromString("0190a1b2-0000-7000-8000-0000000000b1");
    static final Instant NOW = Instant.parse("2026-03-01T09:30:00.123456Z");

    abstract Storage storage();

    /** The pool behind {@link #storage()}, for a host's own connection and transaction. */
    abstract javax.sql.DataSource dataSource();

    /** The storage under test as the JDBC adapter, which offers every capability. */
    JdbcStorage jdbc() {
        return (JdbcStorage) storage();
    }

    static CustomerRecord customer(UUID id, String nameKey, String externalRef) {
        return new CustomerRecord(TENANT, id, 1, NOW, NOW, PartyKind.PERSON, "Ada Lovelace", "Ada", "Lovelace", null,
                nameKey, externalRef, LifecycleStage.PROSPECT, OWNER, Set.of("vip", "newsletter "),
                Map.of("score", new CustomFieldValue.Number(new BigDecimal("12.50")),
                        "birthday", new CustomFieldValue.Date(LocalDate.of(1815, 12, 10)),
                        "nickname", new CustomFieldValue.Text("Countess"),
                        "active", new CustomFieldValue.Bool(true)),
                null);
    }

    @Test
    void customer_round_trips_with_tags_and_typed_custom_fields() {
        CustomerRecord ada = customer(UUID.randomUUID(), "lovelace", "ERP-1");

        jdbc().customers().insert(ada);

        assertThat(jdbc().customers().get(TENANT, ada.id())).contains(ada);
        assertThat(jdbc().customers().get("other", ada.id())).isEmpty();
        assertThat(jdbc().customers().findByExternalRef(TENANT, "ERP-1")).contains(ada);
    }

    @Test
    void duplicate_id_and_external_reference_are_told_apart() {
        CustomerRecord ada = jdbc().customers().insert(customer(UUID.randomUUID(), null, "ERP-1"));

        assertThatThrownBy(() -> jdbc().customers().insert(customer(ada.id(), null, "ERP-2")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> jdbc().customers().insert(customer(UUID.randomUUID(), null, "ERP-1")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalRef"));
        assertThat(jdbc().customers().count(TENANT, CustomerCriterion.all())).isEqualTo(1);
    }

    @Test
    void stale_update_conflicts_and_unknown_update_is_not_found() {
        CustomerRecord ada = jdbc().customers().insert(customer(UUID.randomUUID(), null, null));

        CustomerRecord updated = jdbc().customers().update(ada.withVersion(1, NOW.plusSeconds(1)), 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> jdbc().customers().update(ada, 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> jdbc().customers().update(customer(UUID.randomUUID(), null, null), 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void pages_follow_unsigned_id_order_and_skip_merged_customers() {
        List<CustomerRecord> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(customer(new UUID(i % 2 == 0 ? -i : i, i), null, null));
        }
        CustomerRecord merged = customer(UUID.randomUUID(), null, null);
        jdbc().customers().insertAll(all);
        jdbc().customers().insert(new CustomerRecord(TENANT, merged.id(), 1, NOW, NOW, PartyKind.PERSON, "x", null,
                null, null, null, null, LifecycleStage.PROSPECT, null, Set.of(), Map.of(), all.get(0).id()));

        List<UUID> seen = new ArrayList<>();
        Page<CustomerRecord> page = jdbc().customers().find(TENANT, new CustomerCriterion.HasTag("vip"),
                PageRequest.first(10));
        seen.addAll(page.items().stream().map(CustomerRecord::id).toList());
        while (page.hasNext()) {
            page = jdbc().customers().find(TENANT, new CustomerCriterion.HasTag("vip"),
                    PageRequest.first(10).next(page.next().orElseThrow()));
            seen.addAll(page.items().stream().map(CustomerRecord::id).toList());
        }

        assertThat(seen).containsExactlyElementsOf(all.stream().map(CustomerRecord::id).sorted(Ids.ORDER).toList());
    }

    @Test
    void criteria_compare_typed_custom_fields_and_exact_text() {
        jdbc().customers().insert(customer(UUID.randomUUID(), null, null));

        assertThat(jdbc().customers().count(TENANT, new CustomerCriterion.CustomField("score",
                CustomerCriterion.Comparison.GT, new CustomFieldValue.Number(new BigDecimal("12.4"))))).isEqualTo(1);
        assertThat(jdbc().customers().count(TENANT, new CustomerCriterion.CustomField("score",
                CustomerCriterion.Comparison.GE, new CustomFieldValue.Number(new BigDecimal("12.6"))))).isZero();
        assertThat(jdbc().customers().count(TENANT, new CustomerCriterion.HasTag("newsletter"))).isZero();
        assertThat(jdbc().customers().count(TENANT, new CustomerCriterion.HasTag("VIP"))).isZero();
        assertThat(jdbc().customers().count(TENANT, new CustomerCriterion.Not(
                new CustomerCriterion.OwnedBy(UUID.randomUUID())))).isEqualTo(1);
    }

    @Test
    void shared_name_keys_and_contact_values_group_customers() {
        CustomerRecord a = jdbc().customers().insert(customer(UUID.randomUUID(), "smith", null));
        CustomerRecord b = jdbc().customers().insert(customer(UUID.randomUUID(), "smith", null));
        jdbc().customers().insert(customer(UUID.randomUUID(), "jones", null));
        for (CustomerRecord c : List.of(a, b)) {
            jdbc().contactPoints().insert(new ContactPointRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, c.id(),
                    ContactPointKind.EMAIL, "work", "smith@example.com", null, true));
        }

        Page<SharedValue> names = jdbc().customers().sharedNameKeys(TENANT, PageRequest.first(10));
        Page<SharedValue> emails = jdbc().contactPoints().sharedValues(TENANT, ContactPointKind.EMAIL,
                PageRequest.first(1));

        assertThat(names.items()).containsExactly(new SharedValue("smith", Set.of(a.id(), b.id())));
        assertThat(names.hasNext()).isFalse();
        assertThat(emails.items()).containsExactly(new SharedValue("smith@example.com", Set.of(a.id(), b.id())));
        assertThat(emails.hasNext()).isTrue();
    }

    @Test
    void timeline_is_newest_first_and_pages_without_gaps() {
        UUID customer = UUID.randomUUID();
        List<InteractionRecord> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            recorded.add(new InteractionRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, customer, Channel.EMAIL,
                    Direction.OUTBOUND, Purpose.MARKETING, null, null, "summary", NOW.plusSeconds(i / 2), "key-" + i));
        }
        jdbc().interactions().insertAll(recorded);

        List<UUID> seen = new ArrayList<>();
        Page<InteractionRecord> page = jdbc().interactions().timeline(TENANT, customer, TimelineFilter.everything(),
                PageRequest.first(3));
        seen.addAll(page.items().stream().map(InteractionRecord::id).toList());
        while (page.hasNext()) {
            page = jdbc().interactions().timeline(TENANT, customer, TimelineFilter.everything(),
                    PageRequest.first(3).next(page.next().orElseThrow()));
            seen.addAll(page.items().stream().map(InteractionRecord::id).toList());
        }

        assertThat(seen).containsExactlyElementsOf(recorded.stream()
                .sorted(java.util.Comparator.comparing(InteractionRecord::occurredAt)
                        .thenComparing(InteractionRecord::id, Ids.ORDER).reversed())
                .map(InteractionRecord::id).toList());
        assertThat(jdbc().interactions().count(TENANT, customer, Direction.OUTBOUND, Purpose.MARKETING,
                NOW.plusSeconds(1))).isEqualTo(5);
        assertThatThrownBy(() -> jdbc().interactions().insert(recorded.get(0)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
    }

    @Test
    void outbox_claims_keep_each_aggregate_in_order() {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer", "c-" + (i % 2), "Changed", "{}", NOW));
        }
        storage().outbox().append(events);

        List<OutboxEvent> first = storage().outbox().claim("node-a", 1, Duration.ofMinutes(1), NOW);
        List<OutboxEvent> second = storage().outbox().claim("node-b", 10, Duration.ofMinutes(1), NOW);

        assertThat(first).extracting(OutboxEvent::id).containsExactly(events.get(0).id());
        assertThat(second).extracting(OutboxEvent::id).containsExactly(events.get(1).id(), events.get(3).id());
        assertThat(storage().outbox().markDelivered("node-a", List.of(events.get(0).id()), NOW)).isEqualTo(1);
        assertThat(storage().outbox().claim("node-b", 10, Duration.ofMinutes(1), NOW))
                .extracting(OutboxEvent::id).containsExactly(events.get(2).id());
        assertThat(storage().outbox().countUndelivered()).isEqualTo(3);
    }

    @Test
    void due_work_is_rescheduled_in_place_and_completed_only_by_its_holder() {
        DueWorkRecord scheduled = storage().dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), "task.due",
                "t-1", NOW, "{}"));
        DueWorkRecord moved = storage().dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), "task.due",
                "t-1", NOW.minusSeconds(5), "{\"v\":2}"));

        List<DueWorkRecord> claimed = storage().dueWork().claimDue("node-a", 10, Duration.ofMinutes(1), NOW);

        assertThat(moved.id()).isEqualTo(scheduled.id());
        assertThat(claimed).singleElement().satisfies(w -> {
            assertThat(w.attempts()).isEqualTo(1);
            assertThat(w.payload()).isEqualTo("{\"v\":2}");
        });
        assertThat(storage().dueWork().claimDue("node-b", 10, Duration.ofMinutes(1), NOW)).isEmpty();
        assertThat(storage().dueWork().complete("node-b", TENANT, scheduled.id())).isFalse();
        assertThat(storage().dueWork().complete("node-a", TENANT, scheduled.id())).isTrue();
    }

    @Test
    void a_failed_unit_leaves_nothing_behind_and_a_caught_duplicate_keeps_the_unit_usable() {
        CustomerRecord ada = customer(UUID.randomUUID(), null, "ERP-9");
        assertThatThrownBy(() -> storage().transactions().run(() -> {
            jdbc().customers().insert(ada);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(jdbc().customers().get(TENANT, ada.id())).isEmpty();

        storage().transactions().run(() -> {
            jdbc().customers().insert(ada);
            assertThatThrownBy(() -> jdbc().customers().insert(ada)).isInstanceOf(DuplicateException.class);
            storage().outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer", "a", "X", "{}", NOW)));
        });
        assertThat(jdbc().customers().get(TENANT, ada.id())).contains(ada);
        assertThat(storage().outbox().countUndelivered()).isEqualTo(1);
    }

    @Test
    void concurrent_claimers_never_share_an_event_or_a_piece_of_work() throws Exception {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer", "c-" + (i % 7), "Changed", "{}", NOW));
            storage().dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), "task.due", "t-" + i, NOW, null));
        }
        storage().outbox().append(events);

        List<UUID> claimedEvents = java.util.Collections.synchronizedList(new ArrayList<>());
        List<UUID> claimedWork = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                String node = "node-" + n;
                running.add(nodes.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        storage().outbox().claim(node, 4, Duration.ofMinutes(5), NOW)
                                .forEach(e -> claimedEvents.add(e.id()));
                        storage().dueWork().claimDue(node, 4, Duration.ofMinutes(5), NOW)
                                .forEach(w -> claimedWork.add(w.id()));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(claimedEvents).doesNotHaveDuplicates();
        assertThat(claimedWork).doesNotHaveDuplicates().hasSize(60);
    }

    @Test
    void a_claim_inside_a_unit_commits_on_its_own() {
        storage().dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), "task.due", "t-1", NOW, null));

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            assertThat(storage().dueWork().claimDue("node-a", 10, Duration.ofMinutes(1), NOW)).hasSize(1);
            throw new IllegalStateException("the unit fails after the claim");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(storage().dueWork().find(TENANT, "task.due", "t-1").orElseThrow().claimedBy()).isEqualTo("node-a");
    }

    @Test
    void extreme_values_round_trip_exactly() {
        Instant earliest = Instant.parse("1000-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T23:59:58.999999Z");
        String emoji = "\uD83D\uDE00".repeat(100);
        CustomerRecord extreme = new CustomerRecord(TENANT, new UUID(-1, -1), 1, earliest, latest,
                PartyKind.ORGANIZATION, emoji, null, null, "x".repeat(200), "Key ", " ref", LifecycleStage.CUSTOMER,
                null, Set.of("a", "a ", "A", "\u00e9"),
                Map.of("big", new CustomFieldValue.Number(new BigDecimal("-999999999999999999.9999999999")),
                        "tiny", new CustomFieldValue.Number(new BigDecimal("0.0000000001")),
                        "old", new CustomFieldValue.Date(LocalDate.of(1000, 1, 1)),
                        "note", new CustomFieldValue.Text("\u00fcber " + emoji)),
                null);
        InteractionRecord longSummary = new InteractionRecord(TENANT, new UUID(0, 0), 1, NOW, NOW, extreme.id(),
                Channel.CHAT, Direction.INBOUND, Purpose.SERVICE, null, null, emoji.repeat(20), latest, null);
        OutboxEvent bigEvent = OutboxEvent.of(TENANT, UUID.randomUUID(), "customer", "c", "Imported",
                "x".repeat(1_000_000), earliest);

        jdbc().customers().insert(extreme);
        jdbc().interactions().insert(longSummary);
        storage().outbox().append(List.of(bigEvent));

        assertThat(jdbc().customers().get(TENANT, extreme.id())).contains(extreme);
        assertThat(jdbc().customers().findByExternalRef(TENANT, "ref")).isEmpty();
        assertThat(jdbc().customers().findByNameKey(TENANT, "Key", 10)).isEmpty();
        assertThat(jdbc().customers().count(TENANT, new CustomerCriterion.HasTag("a "))).isEqualTo(1);
        assertThat(jdbc().interactions().get(TENANT, longSummary.id())).contains(longSummary);
        assertThat(storage().outbox().claim("node-a", 1, Duration.ofSeconds(1), NOW)).singleElement()
                .usingRecursiveComparison().ignoringFields("sequence").isEqualTo(bigEvent);
    }

    @Test
    void a_hosts_own_sql_joins_the_unit_commits_with_it_and_rolls_back_with_it() {
        jdbc().write("host note", c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS host_note (tenant_id VARCHAR(64) NOT NULL, id VARCHAR(36) NOT NULL,"
                        + " PRIMARY KEY (tenant_id, id))");
                s.execute("DELETE FROM host_note");
            }
            return null;
        });
        String kept = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        jdbc().transactions().run(() -> insertNote(kept));
        assertThatThrownBy(() -> jdbc().transactions().run(() -> {
            insertNote(rolledBack);
            storage().outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "note", rolledBack,
                    "note.taken", "{}", NOW)));
            throw new IllegalStateException("the host's unit fails after both writes");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(notes()).containsExactly(kept);
        assertThat(storage().outbox().countUndelivered()).isZero();
        assertThatThrownBy(() -> insertNote(kept)).isInstanceOf(DuplicateException.class)
                .hasMessageNotContaining("INSERT");
    }

    @Test
    void a_posting_under_a_used_key_in_a_unit_of_crmkits_own_that_goes_on_ends_it_and_commits_nothing() {
        MembershipRecord member = memberWithEntry("visit-1");
        MembershipRecord other = new MembershipRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "club",
                UUID.randomUUID(), "100043", MembershipStatus.ACTIVE, 0, 0);

        // no savepoint around the posting in CRMKit's own unit: the update is in, the entry failed
        assertThatThrownBy(() -> jdbc().transactions().run(() -> {
            jdbc().memberships().insert(other);
            assertThatThrownBy(() -> jdbc().post(raised(member), 1, new LedgerEntryRecord(TENANT, UUID.randomUUID(),
                    member.id(), LedgerEntryKind.ACCRUAL, 10, 10, "activity.visit", null, "visit-1", NOW)))
                    .isInstanceOf(DuplicateException.class);
            jdbc().memberships().get(TENANT, member.id());
        })).isInstanceOf(StorageFailureException.class).hasMessageContaining("cannot commit")
                .hasMessageNotContaining("100042");

        assertThat(jdbc().memberships().get(TENANT, member.id())).contains(member);
        assertThat(jdbc().memberships().get(TENANT, other.id())).isEmpty();
    }

    @Test
    void a_unit_that_swallows_a_failed_posting_is_rolled_back_rather_than_committed_half() {
        MembershipRecord member = memberWithEntry("visit-1");

        // the work catches the failure and returns at once: the unit must not commit the raised balances
        assertThatThrownBy(() -> jdbc().transactions().run(() -> {
            try {
                jdbc().post(raised(member), 1, new LedgerEntryRecord(TENANT, UUID.randomUUID(), member.id(),
                        LedgerEntryKind.ACCRUAL, 10, 10, "activity.visit", null, "visit-1", NOW));
            } catch (DuplicateException swallowed) {
                // a caller that goes on
            }
        })).isInstanceOf(StorageFailureException.class).hasMessageContaining("cannot commit");

        assertThat(jdbc().memberships().get(TENANT, member.id())).contains(member);
    }

    @Test
    void a_posting_under_a_used_key_leaves_the_membership_as_it_was_in_a_hosts_transaction_that_goes_on()
            throws java.sql.SQLException {
        MembershipRecord member = memberWithEntry("visit-1");
        try (java.sql.Connection host = dataSource().getConnection()) {
            host.setAutoCommit(false);
            JdbcStorage hostManaged = hostManaged(host);

            MembershipRecord after = hostManaged.transactions().inTransaction(() -> {
                assertThatThrownBy(() -> hostManaged.post(raised(member), 1, new LedgerEntryRecord(TENANT,
                        UUID.randomUUID(), member.id(), LedgerEntryKind.ACCRUAL, 10, 10, "activity.visit", null,
                        "visit-1", NOW))).isInstanceOf(DuplicateException.class);
                // the host's transaction goes on: behind its savepoint the posting left nothing
                return hostManaged.memberships().get(TENANT, member.id()).orElseThrow();
            });
            host.commit();

            assertThat(after).isEqualTo(member);
        }
        assertThat(jdbc().memberships().get(TENANT, member.id())).contains(member);
    }

    @Test
    void a_ticket_insert_that_fails_after_its_row_in_a_unit_of_crmkits_own_that_goes_on_ends_it_and_commits_nothing() {
        TicketRecord ticket = ticketWhoseAttachmentRowIsTaken();
        TicketRecord other = ticketWithAttachment("Please change my plan");

        // no savepoint around the insert in CRMKit's own unit: the ticket's row is in, its attachment failed
        assertThatThrownBy(() -> jdbc().transactions().run(() -> {
            jdbc().tickets().insert(other);
            assertThatThrownBy(() -> jdbc().tickets().insert(ticket)).isInstanceOf(DuplicateException.class);
            jdbc().tickets().get(TENANT, other.id());
        })).isInstanceOf(StorageFailureException.class).hasMessageContaining("cannot commit");

        assertThat(jdbc().tickets().get(TENANT, ticket.id())).isEmpty();
        assertThat(jdbc().tickets().get(TENANT, other.id())).isEmpty();
    }

    @Test
    void a_ticket_insert_that_fails_after_its_row_leaves_nothing_in_a_hosts_transaction_that_goes_on()
            throws java.sql.SQLException {
        TicketRecord ticket = ticketWhoseAttachmentRowIsTaken();
        TicketRecord other = ticketWithAttachment("Please change my plan");
        try (java.sql.Connection host = dataSource().getConnection()) {
            host.setAutoCommit(false);
            JdbcStorage hostManaged = hostManaged(host);

            hostManaged.transactions().run(() -> {
                assertThatThrownBy(() -> hostManaged.tickets().insert(ticket))
                        .isInstanceOf(DuplicateException.class);
                // the host's transaction goes on: behind its savepoint the insert left nothing
                hostManaged.tickets().insert(other);
            });
            host.commit();
        }

        assertThat(jdbc().tickets().get(TENANT, ticket.id())).isEmpty();
        assertThat(jdbc().tickets().get(TENANT, other.id())).contains(other);
    }

    /**
     * A ticket whose row is not stored while its attachment row is (left behind when the row was deleted by SQL):
     * inserting it writes its row and then fails on its attachment, a failure part of the way through the write.
     */
    private TicketRecord ticketWhoseAttachmentRowIsTaken() {
        String subject = "Taken attachment " + UUID.randomUUID();
        TicketRecord ticket = jdbc().tickets().insert(ticketWithAttachment(subject));
        jdbc().write("ticket row", c -> {
            try (java.sql.PreparedStatement s = c.prepareStatement("DELETE FROM crm_ticket WHERE tenant_id = ?"
                    + " AND subject = ?")) {
                s.setString(1, TENANT);
                s.setString(2, subject);
                return s.executeUpdate();
            }
        });
        assertThat(jdbc().tickets().get(TENANT, ticket.id())).isEmpty();
        return ticket;
    }

    private static TicketRecord ticketWithAttachment(String subject) {
        return new TicketRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, TicketKind.SERVICE_REQUEST,
                TicketChannel.EMAIL, UUID.randomUUID(), null, TicketPriority.NORMAL, null, TicketState.NEW,
                new TicketContent(subject, null, List.of(new Attachment("docs/2026/photo-1.png", "image/png")),
                        Map.of()), null, null, null, null);
    }

    /** CRMKit on the host's connection, in host-managed mode: the host's transaction is the unit. */
    private JdbcStorage hostManaged(java.sql.Connection host) {
        return JdbcStorage.builder().dataSource(dataSource()).connectionSource(new ConnectionSource() {
            @Override
            public java.sql.Connection obtain() {
                return host;
            }

            @Override
            public void release(java.sql.Connection connection) {
                // the host's connection stays open for the host's transaction
            }
        }).build();
    }

    private MembershipRecord memberWithEntry(String key) {
        MembershipRecord member = jdbc().memberships().insert(new MembershipRecord(TENANT, UUID.randomUUID(), 1, NOW,
                NOW, "club", UUID.randomUUID(), "100042", MembershipStatus.ACTIVE, 0, 0));
        jdbc().ledger().append(new LedgerEntryRecord(TENANT, UUID.randomUUID(), member.id(), LedgerEntryKind.ACCRUAL,
                1, 1, "activity.visit", null, key, NOW));
        return member;
    }

    private static MembershipRecord raised(MembershipRecord member) {
        return new MembershipRecord(TENANT, member.id(), 1, NOW, NOW.plusSeconds(1), "club", member.customerId(),
                "100042", MembershipStatus.ACTIVE, 10, 10);
    }

    private void insertNote(String id) {
        jdbc().write("host note", c -> {
            try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO host_note (tenant_id, id) VALUES (?, ?)")) {
                s.setString(1, TENANT);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    private List<String> notes() {
        return jdbc().read("host note", c -> {
            List<String> ids = new ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet r = s.executeQuery("SELECT id FROM host_note ORDER BY id")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
    }
}
