package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.LeadFixtures.atVersion;
import static dev.crmkit.tck.LeadFixtures.bareImportedLead;
import static dev.crmkit.tck.LeadFixtures.converted;
import static dev.crmkit.tck.LeadFixtures.createdAt;
import static dev.crmkit.tck.LeadFixtures.disqualified;
import static dev.crmkit.tck.LeadFixtures.fromSource;
import static dev.crmkit.tck.LeadFixtures.fullyWorkedLead;
import static dev.crmkit.tck.LeadFixtures.highId;
import static dev.crmkit.tck.LeadFixtures.inState;
import static dev.crmkit.tck.LeadFixtures.lowId;
import static dev.crmkit.tck.LeadFixtures.ownedBy;
import static dev.crmkit.tck.LeadFixtures.reachableAt;
import static dev.crmkit.tck.LeadFixtures.rotation;
import static dev.crmkit.tck.LeadFixtures.webFormLead;
import static dev.crmkit.tck.LeadFixtures.withId;
import static dev.crmkit.tck.LeadFixtures.withIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.spi.lead.LeadKey;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadRotationRecord;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.lead.LeadTally;
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

/** The promises of {@link LeadStore} and {@link LeadRecord}. */
public abstract class LeadStoreContract extends ContractSupport {
    private final UUID rep = UUID.randomUUID();
    private final UUID otherRep = UUID.randomUUID();


    private List<LeadRecord> all(String tenant, LeadFilter filter) {
        List<LeadRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<LeadRecord> page = leads().find(tenant, filter, request);
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            request = request.next(page.next().get());
        }
    }

    private static List<UUID> ids(List<LeadRecord> leads) {
        return leads.stream().map(LeadRecord::id).toList();
    }

    // ---- insert and read back ----------------------------------------------------------------------------

    @Test
    void a_fully_worked_lead_reads_back_equal_with_its_score_factors_in_order() {
        LeadRecord zoe = fullyWorkedLead(TENANT);

        assertThat(leads().insert(zoe)).isEqualTo(zoe);

        LeadRecord stored = leads().get(TENANT, zoe.id()).orElseThrow();
        assertThat(stored).isEqualTo(zoe);
        assertThat(stored.scoreFactors()).containsExactly(new ScoreFactor("fit.size", 20),
                new ScoreFactor("engagement.inbound", 35), new ScoreFactor("fit.industry", -5),
                new ScoreFactor("ähnlichkeit.名前", 37));
        assertThat(stored.qualification().budget()).isEqualTo(new BigDecimal("1234.56"));
        assertThat(stored.qualification().timeline()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(stored.attribution().rawSubmission()).isEqualTo(zoe.attribution().rawSubmission());
        assertThat(stored.details().companyName()).isEqualTo("Šķoda Überseehandel 株式会社");
    }

    @Test
    void a_bare_lead_and_a_disqualified_one_read_back_equal() {
        LeadRecord bare = leads().insert(bareImportedLead(TENANT));
        LeadRecord lost = leads().insert(disqualified(webFormLead(TENANT)));
        LeadRecord budgetOnly = leads().insert(webFormLead(TENANT).withQualification(
                new Qualification(new BigDecimal("0.0001"), "JPY", false, null, null)));

        assertThat(leads().get(TENANT, bare.id())).contains(bare);
        assertThat(leads().get(TENANT, bare.id()).orElseThrow().scoreFactors()).isEmpty();
        assertThat(leads().get(TENANT, bare.id()).orElseThrow().qualification()).isEqualTo(Qualification.unknown());
        assertThat(leads().get(TENANT, lost.id())).contains(lost);
        assertThat(leads().get(TENANT, lost.id()).orElseThrow().disqualificationReason()).isEqualTo(
                "kein Budget – no budget");
        assertThat(leads().get(TENANT, budgetOnly.id())).contains(budgetOnly);
        assertThat(leads().get(TENANT, budgetOnly.id()).orElseThrow().qualification().authority()).isFalse();
    }

    @Test
    void the_largest_budget_and_fifty_score_factors_read_back_equal() {
        List<ScoreFactor> factors = new ArrayList<>();
        for (int i = 0; i < LeadRecord.MAX_FACTORS; i++) {
            factors.add(new ScoreFactor("factor." + (LeadRecord.MAX_FACTORS - i) + ".Ω".repeat(i % 3), i * 41 % 2001
                    - 1000));
        }
        LeadRecord big = webFormLead(TENANT).withQualification(new Qualification(
                new BigDecimal("999999999999999.9999"), "USD", null, "x".repeat(1000), LocalDate.of(9999, 12, 31)))
                .withScore(LeadRecord.MAX_SCORE, factors);

        leads().insert(big);

        assertThat(leads().get(TENANT, big.id())).contains(big);
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        LeadRecord first = leads().insert(webFormLead(TENANT));
        LeadRecord same = withIdempotencyKey(withId(bareImportedLead(TENANT), first.id()), "retry-1");

        assertThatThrownBy(() -> leads().insert(same)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(leads().get(TENANT, first.id())).contains(first);
        assertThat(leads().findByIdempotencyKey(TENANT, "retry-1")).isEmpty();
    }

    @Test
    void insert_of_a_taken_idempotency_key_throws_duplicate_on_the_key_and_keeps_the_first() {
        LeadRecord first = leads().insert(withIdempotencyKey(webFormLead(TENANT), "form-42"));
        LeadRecord retry = withIdempotencyKey(bareImportedLead(TENANT), "form-42");

        assertThatThrownBy(() -> leads().insert(retry)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThat(leads().get(TENANT, retry.id())).isEmpty();
        assertThat(leads().findByIdempotencyKey(TENANT, "form-42")).contains(first);
        assertThat(leads().insert(withIdempotencyKey(bareImportedLead(TENANT), "FORM-42")).idempotencyKey())
                .as("keys match exactly").isEqualTo("FORM-42");
        LeadRecord elsewhere = withIdempotencyKey(webFormLead(OTHER_TENANT), "form-42");
        assertThat(leads().insert(elsewhere)).as("another tenant's key").isEqualTo(elsewhere);
    }

    @Test
    void leads_without_an_idempotency_key_do_not_collide() {
        LeadRecord a = leads().insert(webFormLead(TENANT));
        LeadRecord b = leads().insert(webFormLead(TENANT));

        assertThat(leads().getAll(TENANT, List.of(a.id(), b.id()))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void insert_at_a_version_other_than_1_is_rejected_and_stores_nothing() {
        LeadRecord second = atVersion(webFormLead(TENANT), 2);

        assertThatThrownBy(() -> leads().insert(second)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> leads().insertAll(List.of(webFormLead(TENANT), second)))
                .isInstanceOf(ValidationException.class);
        assertThat(all(TENANT, LeadFilter.all())).isEmpty();
    }

    @Test
    void insert_all_stores_every_lead_of_the_batch() {
        List<LeadRecord> batch = List.of(webFormLead(TENANT), fullyWorkedLead(TENANT), bareImportedLead(TENANT));

        leads().insertAll(batch);
        leads().insertAll(List.of());

        assertThat(leads().getAll(TENANT, ids(batch))).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void insert_all_with_one_existing_id_or_key_stores_none_of_the_batch() {
        LeadRecord stored = leads().insert(withIdempotencyKey(webFormLead(TENANT), "k-1"));
        LeadRecord fresh = webFormLead(TENANT);

        assertThatThrownBy(() -> leads().insertAll(List.of(fresh, withId(bareImportedLead(TENANT), stored.id()))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> leads().insertAll(List.of(fresh, withIdempotencyKey(bareImportedLead(TENANT), "k-1"))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("idempotencyKey"));

        assertThat(leads().get(TENANT, fresh.id())).isEmpty();
        assertThat(all(TENANT, LeadFilter.all())).containsExactly(stored);
    }

    @Test
    void insert_all_with_a_duplicate_inside_the_batch_stores_none_of_it() {
        LeadRecord a = webFormLead(TENANT);
        LeadRecord b = withIdempotencyKey(webFormLead(TENANT), "twice");
        LeadRecord c = withIdempotencyKey(bareImportedLead(TENANT), "twice");

        assertThatThrownBy(() -> leads().insertAll(List.of(a, b, c)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> leads().insertAll(List.of(a, withId(bareImportedLead(TENANT), a.id()))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));

        assertThat(all(TENANT, LeadFilter.all())).isEmpty();
    }

    // ---- update -----------------------------------------------------------------------------------------

    @Test
    void update_raises_the_version_and_keeps_created_at_and_the_idempotency_key() {
        LeadRecord stored = leads().insert(withIdempotencyKey(webFormLead(TENANT), "capture-1"));
        Instant later = NOW.plus(Duration.ofHours(2));
        LeadRecord worked = withIdempotencyKey(createdAt(stored, NOW.minus(Duration.ofDays(3))), "changed-key")
                .withScore(64, List.of(new ScoreFactor("fit.size", 40), new ScoreFactor("engagement.reply", 24)))
                .withQualification(new Qualification(new BigDecimal("50000.10"), "CHF", true, "Neue Flotte", null))
                .withOwner(rep, later).withStatus(LeadStatus.QUALIFIED, null, null, null, null).touched(later);

        LeadRecord updated = leads().update(worked, 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(NOW);
        assertThat(updated.updatedAt()).isEqualTo(later);
        assertThat(updated.idempotencyKey()).isEqualTo("capture-1");
        assertThat(updated.scoreFactors()).extracting(ScoreFactor::code).containsExactly("fit.size", "engagement.reply");
        assertThat(updated.ownerId()).isEqualTo(rep);
        assertThat(leads().get(TENANT, stored.id())).contains(updated);
        assertThat(leads().findByIdempotencyKey(TENANT, "capture-1")).contains(updated);
        assertThat(leads().findByIdempotencyKey(TENANT, "changed-key")).isEmpty();
        assertThat(leads().update(updated.withScore(10, List.of()), 2).version()).isEqualTo(3);
        assertThat(leads().get(TENANT, stored.id()).orElseThrow().scoreFactors()).isEmpty();
    }

    @Test
    void lock_of_a_missing_lead_or_another_tenants_throws_not_found_and_leaves_a_lead_as_stored() {
        LeadRecord theirs = leads().insert(webFormLead(OTHER_TENANT));
        LeadRecord mine = leads().insert(webFormLead(TENANT));

        assertThatThrownBy(() -> leads().lock(TENANT, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> leads().lock(TENANT, theirs.id())).isInstanceOf(NotFoundException.class);
        storage().transactions().run(() -> leads().lock(TENANT, mine.id()));
        assertThat(leads().get(TENANT, mine.id())).contains(mine);
    }

    @Test
    void a_second_unit_locking_a_lead_waits_until_the_first_committed_and_reads_its_change() throws Exception {
        LeadRecord stored = leads().insert(webFormLead(TENANT));

        RowLockCheck.secondUnitWaitsForTheFirst(storage().transactions(),
                () -> leads().lock(TENANT, stored.id()),
                () -> leads().update(inState(stored, LeadStatus.CONTACTED), 1),
                () -> leads().get(TENANT, stored.id()).orElseThrow().version());
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        LeadRecord stored = leads().insert(webFormLead(TENANT));
        LeadRecord contacted = leads().update(inState(stored, LeadStatus.CONTACTED), 1);

        assertThatThrownBy(() -> leads().update(disqualified(stored), 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leads().update(disqualified(stored), 3)).isInstanceOf(ConflictException.class);

        assertThat(leads().get(TENANT, stored.id())).contains(contacted);
        assertThat(contacted.version()).isEqualTo(2);
    }

    @Test
    void update_of_an_unknown_lead_or_another_tenants_throws_not_found() {
        LeadRecord foreign = leads().insert(webFormLead(OTHER_TENANT));

        assertThatThrownBy(() -> leads().update(webFormLead(TENANT), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> leads().update(withId(disqualified(webFormLead(TENANT)), foreign.id()), 1))
                .isInstanceOf(NotFoundException.class);
        assertThat(leads().get(OTHER_TENANT, foreign.id())).contains(foreign);
        assertThat(all(TENANT, LeadFilter.all())).isEmpty();
    }

    // ---- reads by id and key ------------------------------------------------------------------------------

    @Test
    void get_and_get_all_leave_out_unknown_ids_and_other_tenants_leads() {
        LeadRecord a = leads().insert(webFormLead(TENANT));
        LeadRecord b = leads().insert(fullyWorkedLead(TENANT));
        LeadRecord foreign = leads().insert(webFormLead(OTHER_TENANT));

        assertThat(leads().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(leads().get(TENANT, foreign.id())).isEmpty();
        assertThat(leads().getAll(TENANT, List.of(a.id(), b.id(), foreign.id(), UUID.randomUUID(), a.id())))
                .containsExactlyInAnyOrder(a, b);
        assertThat(leads().getAll(TENANT, List.of())).isEmpty();
    }

    @Test
    void find_by_idempotency_key_finds_the_captured_lead_in_its_tenant_only() {
        LeadRecord captured = leads().insert(withIdempotencyKey(webFormLead(TENANT), "web-9f2c"));
        leads().insert(webFormLead(TENANT));

        assertThat(leads().findByIdempotencyKey(TENANT, "web-9f2c")).contains(captured);
        assertThat(leads().findByIdempotencyKey(TENANT, "web-9f2")).isEmpty();
        assertThat(leads().findByIdempotencyKey(OTHER_TENANT, "web-9f2c")).isEmpty();
    }

    // ---- matching ---------------------------------------------------------------------------------------

    @Test
    void find_open_by_key_matches_email_phone_and_name_key_exactly() {
        LeadRecord mia = leads().insert(webFormLead(TENANT));
        LeadRecord ben = leads().insert(reachableAt(webFormLead(TENANT), "ben@example.org", "+441632960000",
                "weber ben"));
        leads().insert(reachableAt(webFormLead(TENANT), null, null, null));

        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, List.of("mia.schroeder@example.de"), 10))
                .containsExactly(mia);
        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, List.of("MIA.schroeder@example.de",
                "mia.schroeder@example.de ", "+4930123456"), 10)).as("exact values of the key only").isEmpty();
        assertThat(leads().findOpenByKey(TENANT, LeadKey.PHONE, List.of("+441632960000", "+4930123456"), 10))
                .containsExactlyInAnyOrder(mia, ben);
        assertThat(leads().findOpenByKey(TENANT, LeadKey.PHONE, List.of("mia.schroeder@example.de"), 10)).isEmpty();
        assertThat(leads().findOpenByKey(TENANT, LeadKey.NAME_KEY, List.of("weber ben"), 10)).containsExactly(ben);
        assertThat(leads().findOpenByKey(TENANT, LeadKey.NAME_KEY, List.of("weber"), 10)).isEmpty();
    }

    @Test
    void find_open_by_key_leaves_out_disqualified_and_converted_leads() {
        LeadRecord open = leads().insert(inState(webFormLead(TENANT), LeadStatus.NURTURING));
        LeadRecord qualified = leads().insert(inState(webFormLead(TENANT), LeadStatus.QUALIFIED));
        leads().insert(disqualified(webFormLead(TENANT)));
        LeadRecord convertedLater = leads().insert(webFormLead(TENANT));
        leads().update(converted(convertedLater), 1);

        for (LeadKey key : LeadKey.values()) {
            String value = switch (key) {
                case EMAIL -> "mia.schroeder@example.de";
                case PHONE -> "+4930123456";
                case NAME_KEY -> "schroder mia";
            };
            assertThat(leads().findOpenByKey(TENANT, key, List.of(value), 10)).as(key.name())
                    .containsExactlyInAnyOrder(open, qualified);
        }
    }

    @Test
    void converted_into_lists_a_customers_leads_in_the_order_they_converted() {
        UUID customer = UUID.randomUUID();
        LeadRecord later = leads().insert(webFormLead(TENANT).withStatus(LeadStatus.CONVERTED, null, customer, null,
                NOW.plusSeconds(120)));
        LeadRecord earlier = leads().insert(webFormLead(TENANT).withStatus(LeadStatus.CONVERTED, null, customer,
                UUID.randomUUID(), NOW.plusSeconds(60)));
        leads().insert(converted(webFormLead(TENANT)));
        leads().insert(webFormLead(TENANT));
        leads().insert(webFormLead(OTHER_TENANT).withStatus(LeadStatus.CONVERTED, null, customer, null, NOW));

        assertThat(leads().convertedInto(TENANT, customer, 10)).containsExactly(earlier, later);
        assertThat(leads().convertedInto(TENANT, customer, 1)).containsExactly(earlier);
        assertThat(leads().convertedInto(TENANT, UUID.randomUUID(), 10)).isEmpty();
        assertThat(leads().convertedInto(OTHER_TENANT, customer, 10)).hasSize(1);
    }

    @Test
    void find_open_by_key_orders_by_id_and_stops_at_the_limit() {
        LeadRecord high = leads().insert(withId(webFormLead(TENANT), highId(1)));
        LeadRecord low2 = leads().insert(withId(reachableAt(webFormLead(TENANT), "b@example.org", null, null),
                lowId(2)));
        LeadRecord low1 = leads().insert(withId(webFormLead(TENANT), lowId(1)));
        LeadRecord high0 = leads().insert(withId(reachableAt(webFormLead(TENANT), "c@example.org", null, null),
                highId(0)));
        List<String> emails = List.of("c@example.org", "mia.schroeder@example.de", "b@example.org");

        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, emails, 10)).containsExactly(low1, low2, high0, high);
        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, emails, 3)).containsExactly(low1, low2, high0);
        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, emails, 1)).containsExactly(low1);
    }

    @Test
    void find_open_by_key_orders_by_id_and_limits_over_a_long_list_of_values() {
        LeadRecord high = leads().insert(withId(reachableAt(webFormLead(TENANT), "first@example.org", null, null),
                highId(3)));
        LeadRecord low = leads().insert(withId(reachableAt(webFormLead(TENANT), "last@example.org", null, null),
                lowId(3)));
        List<String> emails = new ArrayList<>();
        emails.add("first@example.org");
        for (int i = 0; i < 1200; i++) {
            emails.add("nobody" + i + "@example.org");
        }
        emails.add("last@example.org");

        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, emails, 10)).containsExactly(low, high);
        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, emails, 1)).containsExactly(low);
    }

    @Test
    void find_open_by_key_with_no_values_finds_none_and_rejects_a_limit_out_of_range() {
        leads().insert(webFormLead(TENANT));

        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, List.of(), 10)).isEmpty();
        assertThat(leads().findOpenByKey(TENANT, LeadKey.EMAIL, List.of(""), 10)).isEmpty();
        assertThatThrownBy(() -> leads().findOpenByKey(TENANT, LeadKey.EMAIL, List.of("a@b.c"), 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> leads().findOpenByKey(TENANT, LeadKey.EMAIL, List.of("a@b.c"),
                LeadStore.MAX_LOOKUP + 1)).isInstanceOf(ValidationException.class);
    }

    // ---- find -------------------------------------------------------------------------------------------

    @Test
    void find_selects_by_status_owner_assignment_source_review_and_creation_time() {
        LeadRecord fresh = leads().insert(webFormLead(TENANT));
        LeadRecord mine = leads().insert(ownedBy(inState(webFormLead(TENANT), LeadStatus.CONTACTED), rep));
        LeadRecord theirs = leads().insert(ownedBy(fromSource(webFormLead(TENANT), LeadSource.REFERRAL), otherRep));
        LeadRecord review = leads().insert(createdAt(webFormLead(TENANT), NOW.plusSeconds(10))
                .withMatch(UUID.randomUUID(), true));
        LeadRecord lost = leads().insert(ownedBy(disqualified(createdAt(webFormLead(TENANT), NOW.minusSeconds(10))),
                rep));
        leads().insert(webFormLead(OTHER_TENANT));

        assertThat(all(TENANT, LeadFilter.all())).containsExactlyInAnyOrder(fresh, mine, theirs, review, lost);
        assertThat(all(TENANT, LeadFilter.open())).containsExactlyInAnyOrder(fresh, mine, theirs, review);
        assertThat(all(TENANT, LeadFilter.all().withStatuses(Set.of(LeadStatus.DISQUALIFIED, LeadStatus.CONTACTED))))
                .containsExactlyInAnyOrder(mine, lost);
        assertThat(all(TENANT, LeadFilter.all().ownedBy(rep))).containsExactlyInAnyOrder(mine, lost);
        assertThat(all(TENANT, LeadFilter.open().ownedBy(rep))).containsExactly(mine);
        assertThat(all(TENANT, LeadFilter.all().assigned(true))).containsExactlyInAnyOrder(mine, theirs, lost);
        assertThat(all(TENANT, LeadFilter.all().assigned(false))).containsExactlyInAnyOrder(fresh, review);
        assertThat(all(TENANT, LeadFilter.all().from(LeadSource.REFERRAL))).containsExactly(theirs);
        assertThat(all(TENANT, LeadFilter.all().needingReview(true))).containsExactly(review);
        assertThat(all(TENANT, LeadFilter.all().needingReview(false))).hasSize(4).doesNotContain(review);
        assertThat(all(TENANT, LeadFilter.all().createdBetween(NOW, NOW.plusSeconds(10))))
                .containsExactlyInAnyOrder(fresh, mine, theirs);
        assertThat(all(TENANT, LeadFilter.all().createdBetween(null, NOW))).containsExactly(lost);
        assertThat(all(TENANT, LeadFilter.all().createdBetween(NOW.plusSeconds(10), null))).containsExactly(review);
    }

    @Test
    void find_pages_in_id_order_with_a_cursor_exactly_when_the_page_is_full() {
        LeadRecord h = leads().insert(withId(webFormLead(TENANT), highId(7)));
        LeadRecord l = leads().insert(withId(webFormLead(TENANT), lowId(7)));
        LeadRecord m = leads().insert(withId(webFormLead(TENANT), new UUID(0x7FFF_0000_0000_0000L, 0)));

        Page<LeadRecord> first = leads().find(TENANT, LeadFilter.all(), PageRequest.first(2));
        assertThat(first.items()).containsExactly(l, m);
        assertThat(first.next()).isPresent();
        Page<LeadRecord> second = leads().find(TENANT, LeadFilter.all(), PageRequest.first(2).next(first.next().get()));
        assertThat(second.items()).containsExactly(h);
        assertThat(second.next()).isEmpty();
        assertThat(leads().find(TENANT, LeadFilter.all(), PageRequest.first(3)).next()).isPresent();
        assertThat(leads().find(OTHER_TENANT, LeadFilter.all(), PageRequest.first(3)).items()).isEmpty();
    }

    // ---- distribution -----------------------------------------------------------------------------------

    @Test
    void open_counts_by_owner_has_every_given_owner_with_zero_for_those_who_own_none() {
        UUID idle = UUID.randomUUID();
        leads().insert(ownedBy(webFormLead(TENANT), rep));

        Map<UUID, Integer> counts = leads().openCountsByOwner(TENANT, List.of(rep, idle, otherRep));

        assertThat(counts).containsOnly(Map.entry(rep, 1), Map.entry(idle, 0), Map.entry(otherRep, 0));
        assertThat(leads().openCountsByOwner(TENANT, List.of())).isEmpty();
    }

    @Test
    void open_counts_by_owner_counts_only_open_leads_of_the_tenant() {
        leads().insert(ownedBy(webFormLead(TENANT), rep));
        leads().insert(ownedBy(inState(webFormLead(TENANT), LeadStatus.QUALIFIED), rep));
        leads().insert(ownedBy(inState(webFormLead(TENANT), LeadStatus.NURTURING), rep));
        leads().insert(ownedBy(disqualified(webFormLead(TENANT)), rep));
        leads().insert(ownedBy(converted(webFormLead(TENANT)), rep));
        leads().insert(ownedBy(webFormLead(TENANT), otherRep));
        leads().insert(webFormLead(TENANT));
        leads().insert(ownedBy(webFormLead(OTHER_TENANT), rep));

        assertThat(leads().openCountsByOwner(TENANT, List.of(rep, otherRep)))
                .containsOnly(Map.entry(rep, 3), Map.entry(otherRep, 1));
        assertThat(leads().openCountsByOwner(OTHER_TENANT, List.of(rep, otherRep)))
                .containsOnly(Map.entry(rep, 1), Map.entry(otherRep, 0));
    }

    // ---- funnel -----------------------------------------------------------------------------------------

    @Test
    void tally_counts_by_source_and_status_in_declaration_order() {
        leads().insert(fromSource(webFormLead(TENANT), LeadSource.REFERRAL));
        leads().insert(fromSource(converted(webFormLead(TENANT)), LeadSource.REFERRAL));
        leads().insert(fromSource(webFormLead(TENANT), LeadSource.IMPORT));
        leads().insert(webFormLead(TENANT));
        leads().insert(webFormLead(TENANT));
        leads().insert(inState(webFormLead(TENANT), LeadStatus.QUALIFIED));
        leads().insert(disqualified(webFormLead(TENANT)));
        leads().insert(webFormLead(OTHER_TENANT));

        assertThat(leads().tally(TENANT, NOW, NOW.plusSeconds(1))).containsExactly(
                new LeadTally(LeadSource.WEB_FORM, LeadStatus.NEW, 2),
                new LeadTally(LeadSource.WEB_FORM, LeadStatus.QUALIFIED, 1),
                new LeadTally(LeadSource.WEB_FORM, LeadStatus.DISQUALIFIED, 1),
                new LeadTally(LeadSource.IMPORT, LeadStatus.NEW, 1),
                new LeadTally(LeadSource.REFERRAL, LeadStatus.NEW, 1),
                new LeadTally(LeadSource.REFERRAL, LeadStatus.CONVERTED, 1));
    }

    @Test
    void tally_counts_leads_created_from_the_start_inclusive_to_the_end_exclusive() {
        Instant from = NOW;
        Instant to = NOW.plus(Duration.ofDays(7));
        leads().insert(createdAt(webFormLead(TENANT), from.minusNanos(1000)));
        leads().insert(createdAt(webFormLead(TENANT), from));
        leads().insert(createdAt(webFormLead(TENANT), to.minusNanos(1000)));
        leads().insert(createdAt(webFormLead(TENANT), to));

        assertThat(leads().tally(TENANT, from, to)).containsExactly(new LeadTally(LeadSource.WEB_FORM,
                LeadStatus.NEW, 2));
        assertThat(leads().tally(TENANT, to, to)).isEmpty();
        assertThat(leads().tally(TENANT, to.plusSeconds(1), to.plusSeconds(2))).isEmpty();
        assertThat(leads().tally(OTHER_TENANT, from.minusSeconds(1), to.plusSeconds(1))).isEmpty();
    }

    // ---- rotation ---------------------------------------------------------------------------------------

    @Test
    void the_first_save_of_a_pool_stores_version_1() {
        assertThat(leads().rotation(TENANT, "default")).isEmpty();

        LeadRotationRecord saved = leads().saveRotation(new LeadRotationRecord(TENANT, "default", rep, 9), 0);

        assertThat(saved).isEqualTo(rotation(TENANT, "default", rep));
        assertThat(leads().rotation(TENANT, "default")).contains(saved);
        assertThat(leads().rotation(TENANT, "Default")).as("pools match exactly").isEmpty();
    }

    @Test
    void a_save_over_the_stored_version_replaces_the_state_and_raises_the_version() {
        leads().saveRotation(rotation(TENANT, "enterprise", null), 0);

        LeadRotationRecord second = leads().saveRotation(rotation(TENANT, "enterprise", rep), 1);
        LeadRotationRecord third = leads().saveRotation(rotation(TENANT, "enterprise", otherRep), 2);

        assertThat(second).isEqualTo(new LeadRotationRecord(TENANT, "enterprise", rep, 2));
        assertThat(third).isEqualTo(new LeadRotationRecord(TENANT, "enterprise", otherRep, 3));
        assertThat(leads().rotation(TENANT, "enterprise")).contains(third);
        assertThat(leads().saveRotation(rotation(TENANT, "enterprise", null), 3).lastMemberId()).isNull();
    }

    @Test
    void a_save_with_a_stale_version_or_over_no_state_conflicts_and_changes_nothing() {
        LeadRotationRecord first = leads().saveRotation(rotation(TENANT, "smb", rep), 0);
        leads().saveRotation(rotation(TENANT, "smb", otherRep), 1);

        assertThatThrownBy(() -> leads().saveRotation(rotation(TENANT, "smb", rep), 1))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leads().saveRotation(rotation(TENANT, "smb", rep), 5))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leads().saveRotation(rotation(TENANT, "never-saved", rep), 1))
                .isInstanceOf(ConflictException.class);

        assertThat(leads().rotation(TENANT, "smb")).contains(new LeadRotationRecord(TENANT, "smb", otherRep, 2));
        assertThat(leads().rotation(TENANT, "never-saved")).isEmpty();
        assertThat(first.version()).isEqualTo(1);
    }

    @Test
    void a_second_first_save_of_a_pool_conflicts_instead_of_overwriting() {
        leads().saveRotation(rotation(TENANT, "default", rep), 0);

        assertThatThrownBy(() -> leads().saveRotation(rotation(TENANT, "default", otherRep), 0))
                .isInstanceOf(ConflictException.class).isNotInstanceOf(DuplicateException.class);

        assertThat(leads().rotation(TENANT, "default")).contains(rotation(TENANT, "default", rep));
    }

    @Test
    void a_lost_first_save_inside_a_transaction_leaves_it_usable() {
        leads().saveRotation(rotation(TENANT, "default", rep), 0);

        LeadRecord lead = storage().transactions().inTransaction(() -> {
            assertThatThrownBy(() -> leads().saveRotation(rotation(TENANT, "default", otherRep), 0))
                    .isInstanceOf(ConflictException.class);
            return leads().insert(ownedBy(webFormLead(TENANT), rep));
        });

        assertThat(leads().get(TENANT, lead.id())).contains(lead);
        assertThat(leads().rotation(TENANT, "default")).contains(rotation(TENANT, "default", rep));
    }

    // ---- tenants ----------------------------------------------------------------------------------------

    @Test
    void another_tenant_sees_nothing_of_a_tenants_leads_and_rotations() {
        LeadRecord mia = leads().insert(withIdempotencyKey(ownedBy(webFormLead(TENANT), rep), "k"));
        leads().saveRotation(rotation(TENANT, "default", rep), 0);

        assertThat(leads().get(OTHER_TENANT, mia.id())).isEmpty();
        assertThat(leads().getAll(OTHER_TENANT, List.of(mia.id()))).isEmpty();
        assertThat(leads().findByIdempotencyKey(OTHER_TENANT, "k")).isEmpty();
        for (LeadKey key : LeadKey.values()) {
            assertThat(leads().findOpenByKey(OTHER_TENANT, key, List.of("mia.schroeder@example.de", "+4930123456",
                    "schroder mia"), 10)).isEmpty();
        }
        assertThat(all(OTHER_TENANT, LeadFilter.all())).isEmpty();
        assertThat(leads().openCountsByOwner(OTHER_TENANT, List.of(rep))).containsOnly(Map.entry(rep, 0));
        assertThat(leads().tally(OTHER_TENANT, NOW, NOW.plusSeconds(1))).isEmpty();
        assertThat(leads().rotation(OTHER_TENANT, "default")).isEmpty();
        assertThat(leads().saveRotation(rotation(OTHER_TENANT, "default", otherRep), 0).version()).isEqualTo(1);
        assertThat(leads().rotation(TENANT, "default")).contains(rotation(TENANT, "default", rep));
        assertThatThrownBy(() -> leads().update(withId(webFormLead(OTHER_TENANT), mia.id()), 1))
                .isInstanceOf(NotFoundException.class);
        assertThat(leads().get(TENANT, mia.id())).contains(mia);
    }

    @Test
    void move_customer_points_linked_and_converted_leads_at_the_survivor_each_at_the_next_version() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        LeadRecord linked = leads().insert(ownedBy(webFormLead(TENANT), rep).withMatch(merged, true));
        LeadRecord convertedInto = leads().insert(webFormLead(TENANT).withMatch(other, false)
                .withStatus(LeadStatus.CONVERTED, null, merged, null, NOW.plusSeconds(60)));
        LeadRecord both = leads().insert(webFormLead(TENANT).withMatch(merged, false)
                .withStatus(LeadStatus.CONVERTED, null, merged, null, NOW.plusSeconds(60)));
        LeadRecord untouched = leads().insert(webFormLead(TENANT).withMatch(other, false));
        LeadRecord otherTenant = leads().insert(webFormLead(OTHER_TENANT).withMatch(merged, false));
        Instant later = NOW.plusSeconds(300);

        assertThat(leads().moveCustomer(TENANT, merged, survivor, later)).isEqualTo(3);

        LeadRecord linkedAfter = leads().get(TENANT, linked.id()).orElseThrow();
        assertThat(linkedAfter.matchedCustomerId()).isEqualTo(survivor);
        assertThat(linkedAfter.needsReview()).isTrue();
        assertThat(linkedAfter.ownerId()).isEqualTo(rep);
        LeadRecord convertedAfter = leads().get(TENANT, convertedInto.id()).orElseThrow();
        assertThat(convertedAfter.matchedCustomerId()).isEqualTo(other);
        assertThat(convertedAfter.convertedCustomerId()).isEqualTo(survivor);
        LeadRecord bothAfter = leads().get(TENANT, both.id()).orElseThrow();
        assertThat(bothAfter.matchedCustomerId()).isEqualTo(survivor);
        assertThat(bothAfter.convertedCustomerId()).isEqualTo(survivor);
        for (LeadRecord[] pair : new LeadRecord[][] {{linked, linkedAfter}, {convertedInto, convertedAfter},
                {both, bothAfter}}) {
            assertThat(pair[1].version()).isEqualTo(pair[0].version() + 1);
            assertThat(pair[1].updatedAt()).isEqualTo(later);
            assertThat(pair[1].details()).isEqualTo(pair[0].details());
        }
        assertThat(leads().get(TENANT, untouched.id())).contains(untouched);
        assertThat(leads().get(OTHER_TENANT, otherTenant.id())).contains(otherTenant);
        assertThat(leads().convertedInto(TENANT, survivor, 10)).extracting(LeadRecord::id)
                .containsExactlyInAnyOrder(convertedInto.id(), both.id());
        assertThat(leads().openCountsByOwner(TENANT, List.of(rep))).isEqualTo(Map.of(rep, 1));
        assertThat(leads().moveCustomer(TENANT, merged, survivor, later)).isZero();
        for (String[] bad : new String[][] {{"bad tenant", "tenantId"}, {null, "fromCustomerId"}}) {
            assertThatThrownBy(() -> leads().moveCustomer(bad[0] == null ? TENANT : bad[0],
                    bad[0] == null ? null : merged, survivor, later)).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo(bad[1]));
        }
        assertThatThrownBy(() -> leads().moveCustomer(TENANT, survivor, null, later))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toCustomerId"));
        assertThatThrownBy(() -> leads().moveCustomer(TENANT, survivor, merged, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("now"));
        assertThat(leads().get(TENANT, linked.id())).contains(linkedAfter);
    }
}
