package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.CustomerFixtures.bareProspect;
import static dev.crmkit.tck.CustomerFixtures.wellKnownPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.SharedValue;
import dev.crmkit.tck.CustomerFixtures.CustomerDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promises of {@link CustomerStore}: one test per sentence of its Javadoc and of {@link CustomerRecord}'s. */
public abstract class CustomerStoreContract extends ContractSupport {


    private CustomerRecord stored(CustomerDraft draft) {
        return customers().insert(draft.build());
    }

    @Test
    void customer_with_every_field_set_reads_back_equal() {
        CustomerRecord zoe = wellKnownPerson(TENANT).build();

        CustomerRecord returned = customers().insert(zoe);

        assertThat(returned).isEqualTo(zoe);
        assertThat(customers().get(TENANT, zoe.id())).contains(zoe);
        assertThat(customers().get(TENANT, zoe.id()).orElseThrow().customFields()).hasSize(4);
    }

    @Test
    void live_kinds_name_the_kind_of_each_live_customer_and_leave_out_merged_unknown_and_foreign_ones() {
        CustomerRecord person = stored(bareProspect(TENANT));
        CustomerRecord organization = stored(CustomerFixtures.organization(TENANT, "Mueller und Soehne"));
        CustomerRecord merged = stored(bareProspect(TENANT).mergedInto(person.id()));
        CustomerRecord foreign = stored(bareProspect(OTHER_TENANT));
        UUID unknown = UUID.randomUUID();

        Map<UUID, PartyKind> kinds = customers().liveKinds(TENANT,
                List.of(person.id(), organization.id(), merged.id(), foreign.id(), unknown, person.id()));

        assertThat(kinds).containsOnly(Map.entry(person.id(), PartyKind.PERSON),
                Map.entry(organization.id(), PartyKind.ORGANIZATION));
        assertThat(customers().liveKinds(TENANT, List.of(organization.id())))
                .containsOnly(Map.entry(organization.id(), PartyKind.ORGANIZATION));
        assertThat(customers().liveKinds(TENANT, List.of(merged.id()))).isEmpty();
        assertThat(customers().liveKinds(TENANT, List.of(foreign.id()))).isEmpty();
        assertThat(customers().liveKinds(TENANT, List.of())).isEmpty();
        assertThat(customers().liveKinds(OTHER_TENANT, List.of(foreign.id(), person.id())))
                .containsOnly(Map.entry(foreign.id(), PartyKind.PERSON));
    }

    @Test
    void live_kinds_refuse_a_null_id_and_more_than_a_thousand_ids() {
        List<UUID> withNull = new ArrayList<>();
        withNull.add(null);
        List<UUID> tooMany = IntStream.range(0, PageRequest.MAX_LIMIT + 1).mapToObj(i -> UUID.randomUUID()).toList();

        assertThatThrownBy(() -> customers().liveKinds(TENANT, withNull))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ids");
        assertThatThrownBy(() -> customers().liveKinds(TENANT, tooMany))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ids.size");
    }

    @Test
    void customer_with_every_optional_field_null_reads_back_equal() {
        CustomerRecord bare = bareProspect(TENANT).build();

        customers().insert(bare);

        CustomerRecord read = customers().get(TENANT, bare.id()).orElseThrow();
        assertThat(read).isEqualTo(bare);
        assertThat(read.givenName()).isNull();
        assertThat(read.externalRef()).isNull();
        assertThat(read.tags()).isEmpty();
        assertThat(read.customFields()).isEmpty();
    }

    @Test
    void organization_merged_into_another_reads_back_with_its_survivor() {
        CustomerRecord survivor = stored(CustomerFixtures.organization(TENANT, "Müller & Söhne KG"));
        CustomerRecord merged = CustomerFixtures.organization(TENANT, "Mueller und Soehne")
                .stage(LifecycleStage.FORMER_CUSTOMER).mergedInto(survivor.id()).build();

        customers().insert(merged);

        assertThat(customers().get(TENANT, merged.id())).contains(merged);
        assertThat(customers().get(TENANT, merged.id()).orElseThrow().kind()).isEqualTo(PartyKind.ORGANIZATION);
    }

    @Test
    void get_of_an_unknown_id_is_empty() {
        stored(bareProspect(TENANT));

        assertThat(customers().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        CustomerRecord first = stored(wellKnownPerson(TENANT));
        CustomerRecord second = bareProspect(TENANT).id(first.id()).displayName("Someone Else").build();

        assertThatThrownBy(() -> customers().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(customers().get(TENANT, first.id())).contains(first);
    }

    @Test
    void insert_of_an_existing_external_ref_throws_duplicate_on_external_ref_and_stores_nothing() {
        CustomerRecord first = stored(wellKnownPerson(TENANT));
        CustomerRecord second = bareProspect(TENANT).externalRef(first.externalRef()).build();

        assertThatThrownBy(() -> customers().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalRef"));
        assertThat(customers().get(TENANT, second.id())).isEmpty();
        assertThat(customers().count(TENANT, CustomerCriterion.all())).isEqualTo(1);
    }

    @Test
    void customers_without_external_ref_never_collide_on_it() {
        stored(bareProspect(TENANT));
        stored(bareProspect(TENANT));

        assertThat(customers().count(TENANT, CustomerCriterion.all())).isEqualTo(2);
    }

    @Test
    void same_id_and_external_ref_in_another_tenant_are_no_duplicate() {
        CustomerRecord ours = stored(wellKnownPerson(TENANT));
        CustomerRecord theirs = wellKnownPerson(OTHER_TENANT).id(ours.id()).displayName("Theirs").build();

        customers().insert(theirs);

        assertThat(customers().get(TENANT, ours.id())).contains(ours);
        assertThat(customers().get(OTHER_TENANT, ours.id())).contains(theirs);
    }

    @Test
    void insert_all_stores_every_customer_of_the_batch() {
        List<CustomerRecord> batch = List.of(wellKnownPerson(TENANT).build(), bareProspect(TENANT).build(),
                CustomerFixtures.organization(TENANT, "Ørsted Facility A/S").externalRef("ERP-7").build());

        customers().insertAll(batch);

        assertThat(customers().getAll(TENANT, batch.stream().map(CustomerRecord::id).toList()))
                .containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void insert_all_with_a_customer_already_stored_stores_nothing_of_the_batch() {
        CustomerRecord existing = stored(bareProspect(TENANT));
        CustomerRecord fresh = wellKnownPerson(TENANT).build();

        assertThatThrownBy(() -> customers().insertAll(List.of(fresh, existing)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(customers().get(TENANT, fresh.id())).isEmpty();
        assertThat(customers().count(TENANT, CustomerCriterion.all())).isEqualTo(1);
    }

    @Test
    void insert_all_with_two_records_sharing_an_external_ref_stores_nothing() {
        CustomerRecord a = bareProspect(TENANT).externalRef("ERP-1").build();
        CustomerRecord b = bareProspect(TENANT).externalRef("ERP-1").build();
        CustomerRecord c = bareProspect(TENANT).build();

        assertThatThrownBy(() -> customers().insertAll(List.of(c, a, b)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalRef"));
        assertThat(customers().count(TENANT, CustomerCriterion.all())).isZero();
        assertThat(customers().getAll(TENANT, List.of(a.id(), b.id(), c.id()))).isEmpty();
    }

    @Test
    void insert_all_with_two_records_sharing_an_id_stores_nothing() {
        CustomerRecord a = bareProspect(TENANT).build();
        CustomerRecord b = wellKnownPerson(TENANT).id(a.id()).build();

        assertThatThrownBy(() -> customers().insertAll(List.of(a, b)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(customers().get(TENANT, a.id())).isEmpty();
    }

    @Test
    void update_raises_the_version_by_one_keeps_created_at_and_ignores_the_arguments_version() {
        CustomerRecord original = stored(wellKnownPerson(TENANT));
        CustomerRecord changed = CustomerDraft.of(original)
                .version(17)
                .createdAt(NOW.plusSeconds(3600))
                .updatedAt(NOW.plusSeconds(60))
                .stage(LifecycleStage.FORMER_CUSTOMER)
                .tags(Set.of("churned"))
                .customFields(Map.of())
                .externalRef(null)
                .build();

        CustomerRecord returned = customers().update(changed, 1);

        CustomerRecord expected = CustomerDraft.of(changed).version(2).createdAt(original.createdAt()).build();
        assertThat(returned).isEqualTo(expected);
        assertThat(customers().get(TENANT, original.id())).contains(expected);
    }

    @Test
    void each_update_raises_the_version_by_exactly_one() {
        CustomerRecord v1 = stored(bareProspect(TENANT));

        CustomerRecord v2 = customers().update(CustomerDraft.of(v1).ownerId(CustomerGenerators.OWNERS.get(0)).build(), 1);
        CustomerRecord v3 = customers().update(CustomerDraft.of(v2).ownerId(CustomerGenerators.OWNERS.get(1)).build(), 2);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(customers().get(TENANT, v1.id()).orElseThrow().ownerId()).isEqualTo(CustomerGenerators.OWNERS.get(1));
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        CustomerRecord v1 = stored(wellKnownPerson(TENANT));
        CustomerRecord v2 = customers().update(CustomerDraft.of(v1).displayName("Zoë Å.").build(), 1);

        assertThatThrownBy(() -> customers().update(CustomerDraft.of(v1).displayName("Lost Write").build(), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(customers().get(TENANT, v1.id())).contains(v2);
    }

    @Test
    void lock_of_a_missing_customer_or_another_tenants_throws_not_found() {
        CustomerRecord theirs = customers().insert(bareProspect(OTHER_TENANT).build());

        assertThatThrownBy(() -> customers().lock(TENANT, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> customers().lock(TENANT, theirs.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void lock_leaves_the_customer_as_stored_also_a_merged_one() {
        CustomerRecord survivor = customers().insert(bareProspect(TENANT).build());
        CustomerRecord merged = customers().insert(bareProspect(TENANT).mergedInto(survivor.id()).build());

        storage().transactions().run(() -> {
            customers().lock(TENANT, survivor.id());
            customers().lock(TENANT, merged.id());
        });

        assertThat(customers().get(TENANT, survivor.id())).contains(survivor);
        assertThat(customers().get(TENANT, merged.id())).contains(merged);
    }

    @Test
    void a_second_unit_locking_a_customer_waits_until_the_first_committed_and_reads_its_change() throws Exception {
        CustomerRecord stored = customers().insert(bareProspect(TENANT).build());

        RowLockCheck.secondUnitWaitsForTheFirst(storage().transactions(),
                () -> customers().lock(TENANT, stored.id()),
                () -> customers().update(stored, 1),
                () -> customers().get(TENANT, stored.id()).orElseThrow().version());
    }

    @Test
    void update_of_a_missing_customer_throws_not_found_and_stores_nothing() {
        CustomerRecord ghost = bareProspect(TENANT).build();

        assertThatThrownBy(() -> customers().update(ghost, 1)).isInstanceOf(NotFoundException.class);
        assertThat(customers().get(TENANT, ghost.id())).isEmpty();
    }

    @Test
    void update_to_another_customers_external_ref_throws_duplicate_and_changes_nothing() {
        CustomerRecord holder = stored(bareProspect(TENANT).externalRef("ERP-100"));
        CustomerRecord other = stored(bareProspect(TENANT).externalRef("ERP-200"));

        assertThatThrownBy(() -> customers().update(CustomerDraft.of(other).externalRef("ERP-100").build(), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalRef"));
        assertThat(customers().get(TENANT, other.id())).contains(other);
        assertThat(customers().findByExternalRef(TENANT, "ERP-100")).contains(holder);
    }

    @Test
    void update_may_keep_the_customers_own_external_ref() {
        CustomerRecord holder = stored(bareProspect(TENANT).externalRef("ERP-100"));

        CustomerRecord updated = customers().update(CustomerDraft.of(holder).displayName("Jana N.").build(), 1);

        assertThat(updated.externalRef()).isEqualTo("ERP-100");
        assertThat(customers().findByExternalRef(TENANT, "ERP-100")).contains(updated);
    }

    @Test
    void get_all_returns_known_customers_merged_ones_included_and_leaves_out_unknown_ids() {
        CustomerRecord live = stored(wellKnownPerson(TENANT));
        CustomerRecord merged = stored(bareProspect(TENANT).mergedInto(live.id()));
        stored(bareProspect(TENANT));

        List<CustomerRecord> found = customers().getAll(TENANT, List.of(merged.id(), UUID.randomUUID(), live.id()));

        assertThat(found).containsExactlyInAnyOrder(live, merged);
    }

    @Test
    void find_by_external_ref_matches_exactly_and_returns_merged_customers_too() {
        CustomerRecord survivor = stored(bareProspect(TENANT).externalRef("erp-1"));
        CustomerRecord merged = stored(bareProspect(TENANT).externalRef("ERP-1").mergedInto(survivor.id()));

        assertThat(customers().findByExternalRef(TENANT, "ERP-1")).contains(merged);
        assertThat(customers().findByExternalRef(TENANT, "erp-1")).contains(survivor);
        assertThat(customers().findByExternalRef(TENANT, "ERP-")).isEmpty();
        assertThat(customers().findByExternalRef(TENANT, "ERP-1 ")).isEmpty();
    }

    @Test
    void find_returns_live_customers_in_id_order_and_never_merged_ones() {
        List<CustomerRecord> live = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            live.add(stored(bareProspect(TENANT).displayName("Kunde " + i)));
        }
        stored(bareProspect(TENANT).mergedInto(live.get(0).id()));

        Page<CustomerRecord> page = customers().find(TENANT, CustomerCriterion.all(), PageRequest.first(10));

        assertThat(page.items()).containsExactlyElementsOf(
                live.stream().sorted(Comparator.comparing(CustomerRecord::id, Ids.ORDER)).toList());
        assertThat(page.next()).isEmpty();
    }

    @Test
    void find_gives_a_next_cursor_on_a_full_page_that_leads_to_the_rest() {
        List<CustomerRecord> all = IntStream.range(0, 5).mapToObj(i -> stored(bareProspect(TENANT))).toList();

        Page<CustomerRecord> first = customers().find(TENANT, CustomerCriterion.all(), PageRequest.first(3));
        Page<CustomerRecord> second = customers().find(TENANT, CustomerCriterion.all(),
                PageRequest.first(3).next(first.next().orElseThrow()));

        List<UUID> expected = all.stream().map(CustomerRecord::id).sorted(Ids.ORDER).toList();
        assertThat(first.items()).extracting(CustomerRecord::id).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(second.items()).extracting(CustomerRecord::id).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void count_counts_live_customers_that_match_the_criterion() {
        CustomerRecord org = stored(CustomerFixtures.organization(TENANT, "Łódź Logistics Sp. z o.o."));
        stored(bareProspect(TENANT).stage(LifecycleStage.CUSTOMER));
        stored(bareProspect(TENANT).stage(LifecycleStage.CUSTOMER).mergedInto(org.id()));
        stored(bareProspect(TENANT));

        assertThat(customers().count(TENANT, CustomerCriterion.all())).isEqualTo(3);
        assertThat(customers().count(TENANT, new CustomerCriterion.StageIn(Set.of(LifecycleStage.CUSTOMER))))
                .isEqualTo(1);
        assertThat(customers().count(TENANT, new CustomerCriterion.KindIs(PartyKind.ORGANIZATION))).isEqualTo(1);
    }

    @Test
    void count_of_an_empty_tenant_is_zero() {
        stored(bareProspect(OTHER_TENANT));

        assertThat(customers().count(TENANT, CustomerCriterion.all())).isZero();
    }

    @Test
    void find_by_name_key_returns_exact_matches_in_id_order_without_merged_ones() {
        List<CustomerRecord> smiths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            smiths.add(stored(bareProspect(TENANT).nameKey("smith john")));
        }
        stored(bareProspect(TENANT).nameKey("smith john").mergedInto(smiths.get(0).id()));
        stored(bareProspect(TENANT).nameKey("Smith John"));
        stored(bareProspect(TENANT).nameKey("smith johnny"));
        stored(bareProspect(TENANT));

        List<CustomerRecord> found = customers().findByNameKey(TENANT, "smith john", 10);

        assertThat(found).containsExactlyElementsOf(
                smiths.stream().sorted(Comparator.comparing(CustomerRecord::id, Ids.ORDER)).toList());
    }

    @Test
    void find_by_name_key_returns_at_most_the_limit_taking_the_lowest_ids() {
        List<UUID> ids = IntStream.range(0, 4)
                .mapToObj(i -> stored(bareProspect(TENANT).nameKey("müller anna")).id())
                .sorted(Ids.ORDER).toList();

        List<CustomerRecord> found = customers().findByNameKey(TENANT, "müller anna", 2);

        assertThat(found).extracting(CustomerRecord::id).containsExactlyElementsOf(ids.subList(0, 2));
    }

    @Test
    void shared_name_keys_lists_keys_of_two_or_more_live_customers_with_their_ids() {
        CustomerRecord a1 = stored(bareProspect(TENANT).nameKey("alpha"));
        CustomerRecord a2 = stored(bareProspect(TENANT).nameKey("alpha"));
        CustomerRecord b1 = stored(bareProspect(TENANT).nameKey("beta"));
        stored(bareProspect(TENANT).nameKey("beta").mergedInto(b1.id()));
        stored(bareProspect(TENANT).nameKey("gamma"));
        stored(bareProspect(TENANT));
        stored(bareProspect(TENANT));

        Page<SharedValue> page = customers().sharedNameKeys(TENANT, PageRequest.first(10));

        assertThat(page.items()).containsExactly(new SharedValue("alpha", Set.of(a1.id(), a2.id())));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void shared_name_keys_pages_through_every_group_once_in_key_order() {
        List<String> keys = List.of("k01", "k02", "k03", "k04", "k05", "k06", "k07");
        Map<String, Set<UUID>> expected = new TreeMap<>();
        for (String key : keys) {
            Set<UUID> ids = new HashSet<>();
            for (int i = 0; i < 2 + key.charAt(2) % 2; i++) {
                ids.add(stored(bareProspect(TENANT).nameKey(key)).id());
            }
            expected.put(key, ids);
        }

        List<SharedValue> all = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<SharedValue> page = customers().sharedNameKeys(TENANT, request);
            all.addAll(page.items());
            assertThat(page.hasNext()).isEqualTo(page.items().size() == 3);
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(all).extracting(SharedValue::value).containsExactlyElementsOf(expected.keySet());
        assertThat(all.stream().collect(Collectors.toMap(SharedValue::value, SharedValue::customerIds)))
                .isEqualTo(expected);
    }

    @Test
    void customer_with_every_field_at_its_longest_and_extreme_instants_reads_back_equal() {
        Set<String> tags = new TreeSet<>();
        for (int i = 0; i < CustomerRecord.MAX_TAGS; i++) {
            tags.add(String.format("%02d", i) + "ß".repeat(60) + "😀");
        }
        Map<String, CustomFieldValue> fields = new HashMap<>();
        for (int i = 0; i < CustomerRecord.MAX_CUSTOM_FIELDS; i++) {
            fields.put("f" + i, new CustomFieldValue.Bool(i % 2 == 0));
        }
        CustomerRecord longest = bareProspect(TENANT)
                .createdAt(Instant.parse("1000-01-01T00:00:00Z"))
                .updatedAt(Instant.parse("9999-12-31T23:59:58.999999Z"))
                .displayName("Ä".repeat(198) + "😀")
                .givenName("é".repeat(100))
                .familyName("ł".repeat(100))
                .organizationName("中".repeat(200))
                .nameKey("n".repeat(100))
                .externalRef("R".repeat(100))
                .ownerId(CustomerGenerators.OWNERS.get(2))
                .tags(tags)
                .customFields(fields)
                .build();

        customers().insert(longest);

        assertThat(customers().get(TENANT, longest.id())).contains(longest);
    }

    @Test
    void custom_field_values_at_their_limits_read_back_equal() {
        Map<String, CustomFieldValue> fields = Map.of(
                "largest", new CustomFieldValue.Number(
                        new BigDecimal("999999999999999999.9999999999")),
                "smallest", new CustomFieldValue.Number(
                        new BigDecimal("-999999999999999999.9999999999")),
                "tiny", new CustomFieldValue.Number(new BigDecimal("0.0000000001")),
                "trailing_zeros", new CustomFieldValue.Number(
                        new BigDecimal("1200.500")),
                "earliest", new CustomFieldValue.Date(LocalDate.of(1000, 1, 1)),
                "latest", new CustomFieldValue.Date(LocalDate.of(9999, 12, 31)),
                "longest_text", new CustomFieldValue.Text("ü".repeat(498) + "𝄞"),
                "blank_text", new CustomFieldValue.Text(" "),
                "no", new CustomFieldValue.Bool(false));
        CustomerRecord customer = bareProspect(TENANT).customFields(fields).build();

        customers().insert(customer);

        assertThat(customers().get(TENANT, customer.id()).orElseThrow().customFields()).isEqualTo(fields);
    }

    @Test
    void update_that_merges_a_customer_keeps_it_for_get_and_hides_it_from_queries() {
        CustomerRecord survivor = stored(bareProspect(TENANT).nameKey("dupont marie"));
        CustomerRecord duplicate = stored(bareProspect(TENANT).nameKey("dupont marie").externalRef("ERP-9"));

        CustomerRecord merged = customers().update(CustomerDraft.of(duplicate).mergedInto(survivor.id()).build(), 1);

        assertThat(customers().get(TENANT, duplicate.id())).contains(merged);
        assertThat(customers().findByExternalRef(TENANT, "ERP-9")).contains(merged);
        assertThat(customers().find(TENANT, CustomerCriterion.all(), PageRequest.first(10)).items())
                .containsExactly(survivor);
        assertThat(customers().count(TENANT, CustomerCriterion.all())).isEqualTo(1);
        assertThat(customers().findByNameKey(TENANT, "dupont marie", 10)).containsExactly(survivor);
        assertThat(customers().sharedNameKeys(TENANT, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void custom_field_comparison_matches_only_values_of_the_operands_type() {
        CustomerRecord numeric = stored(bareProspect(TENANT)
                .customFields(Map.of("segment", new CustomFieldValue.Number(
                        BigDecimal.ONE))));
        CustomerRecord textual = stored(bareProspect(TENANT)
                .customFields(Map.of("segment", new CustomFieldValue.Text("1"))));
        CustomerRecord without = stored(bareProspect(TENANT));
        CustomerCriterion isTextOne = new CustomerCriterion.CustomField("segment", CustomerCriterion.Comparison.EQ,
                new CustomFieldValue.Text("1"));
        CustomerCriterion isNotTextOne = new CustomerCriterion.CustomField("segment", CustomerCriterion.Comparison.NE,
                new CustomFieldValue.Text("1"));

        assertThat(customers().find(TENANT, isTextOne, PageRequest.first(10)).items()).containsExactly(textual);
        assertThat(customers().count(TENANT, isNotTextOne)).isZero();
        assertThat(customers().find(TENANT, new CustomerCriterion.Not(isTextOne), PageRequest.first(10)).items())
                .containsExactlyInAnyOrder(numeric, without);
    }

    @Test
    void find_by_name_key_accepts_limits_from_1_to_1000_only() {
        CustomerRecord smith = stored(bareProspect(TENANT).nameKey("smith john"));

        assertThat(customers().findByNameKey(TENANT, "smith john", 1)).containsExactly(smith);
        assertThat(customers().findByNameKey(TENANT, "smith john", 1000)).containsExactly(smith);
        for (int limit : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> customers().findByNameKey(TENANT, "smith john", limit))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void generated_customers_with_arbitrary_text_read_back_equal() {
        qt().withExamples(30).withShrinkCycles(50)
                .forAll(in -> CustomerGenerators.arbitraryCustomer(CustomerFixtures.freshTenant()).generate(in))
                .checkAssert(customer -> {
                    customers().insert(customer);

                    String tenant = customer.tenantId();
                    assertThat(customers().get(tenant, customer.id())).contains(customer);
                    if (customer.externalRef() != null) {
                        assertThat(customers().findByExternalRef(tenant, customer.externalRef())).contains(customer);
                    }
                });
    }
}
