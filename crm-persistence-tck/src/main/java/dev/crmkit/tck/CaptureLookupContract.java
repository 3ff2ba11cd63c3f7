package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.bareProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The lookups lead capture makes for a whole batch in one call: {@code ContactPointStore.findByValues},
 * {@code CustomerStore.findByNameKeys} and {@code LeadStore.findByIdempotencyKeys}. The long lists (600 values)
 * cross the point where an adapter splits a list into chunks, and give the later values the lower ids, so a
 * result that is not merged across chunks in id order shows.
 */
public abstract class CaptureLookupContract extends ContractSupport {
    private static final String TENANT = "capture-lookups";
    private static final String OTHER_TENANT = "capture-lookups-other";
    private static final int LONG_LIST = 600;
    private static final Comparator<ContactPointRecord> POINT_ORDER =
            Comparator.comparing(ContactPointRecord::id, Ids.ORDER);
    private static final Comparator<CustomerRecord> CUSTOMER_ORDER = Comparator.comparing(CustomerRecord::id, Ids.ORDER);

    private static ContactPointRecord point(String tenant, UUID id, ContactPointKind kind, String value) {
        return new ContactPointRecord(tenant, id, 1, NOW, NOW, UUID.randomUUID(), kind, null, value, null, false);
    }

    private static ContactPointRecord email(String tenant, UUID id, String value) {
        return point(tenant, id, ContactPointKind.EMAIL, value);
    }

    private CustomerRecord stored(CustomerFixtures.CustomerDraft draft) {
        return customers().insert(draft.build());
    }

    /** An id among the long list: the later {@code i}, the lower the id. */
    private static UUID descendingId(int i) {
        return LeadFixtures.lowId(LONG_LIST - i);
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    // ---- contact points by values ---------------------------------------------------------------------

    @Test
    void find_by_values_returns_the_tenants_points_of_the_kind_with_any_of_the_values_in_id_order() {
        ContactPointRecord a = email(TENANT, LeadFixtures.highId(1), "a@example.com");
        ContactPointRecord b = email(TENANT, LeadFixtures.lowId(2), "b@example.com");
        ContactPointRecord aAgain = email(TENANT, LeadFixtures.lowId(3), "a@example.com");
        contactPoints().insertAll(List.of(a, b, aAgain,
                email(TENANT, UUID.randomUUID(), "A@example.com"),
                email(TENANT, UUID.randomUUID(), "c@example.com"),
                point(TENANT, UUID.randomUUID(), ContactPointKind.PHONE, "+4930123456"),
                email(OTHER_TENANT, LeadFixtures.lowId(1), "a@example.com")));

        List<ContactPointRecord> found = contactPoints().findByValues(TENANT, ContactPointKind.EMAIL,
                List.of("a@example.com", "b@example.com", "+4930123456", "d@example.com"), 10);

        assertThat(found).containsExactly(b, aAgain, a);
        assertThat(contactPoints().findByValues(OTHER_TENANT, ContactPointKind.EMAIL,
                List.of("b@example.com", "c@example.com"), 10)).isEmpty();
    }

    @Test
    void find_by_values_takes_the_lowest_ids_up_to_the_limit_over_a_long_list_of_values() {
        List<ContactPointRecord> points = IntStream.range(0, LONG_LIST)
                .mapToObj(i -> email(TENANT, descendingId(i), "v" + i + "@example.com")).toList();
        contactPoints().insertAll(points);
        List<String> values = points.stream().map(ContactPointRecord::value).toList();
        List<ContactPointRecord> inIdOrder = points.stream().sorted(POINT_ORDER).toList();

        assertThat(contactPoints().findByValues(TENANT, ContactPointKind.EMAIL, values, 5))
                .containsExactlyElementsOf(inIdOrder.subList(0, 5));
        assertThat(contactPoints().findByValues(TENANT, ContactPointKind.EMAIL, values, 1000))
                .containsExactlyElementsOf(inIdOrder);
    }

    @Test
    void find_by_values_of_no_values_finds_none_and_counts_a_repeated_value_once() {
        ContactPointRecord a = email(TENANT, UUID.randomUUID(), "a@example.com");
        contactPoints().insert(a);

        assertThat(contactPoints().findByValues(TENANT, ContactPointKind.EMAIL, List.of(), 10)).isEmpty();
        assertThat(contactPoints().findByValues(TENANT, ContactPointKind.EMAIL,
                Collections.nCopies(1001, "a@example.com"), 10)).containsExactly(a);
    }

    @Test
    void find_by_values_rejects_more_than_a_thousand_values_a_null_value_or_kind_and_a_bad_limit() {
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "v" + i + "@example.com").toList();
        ContactPointKind email = ContactPointKind.EMAIL;

        assertRejected(() -> contactPoints().findByValues(TENANT, email, tooMany, 10), "values.size");
        assertRejected(() -> contactPoints().findByValues(TENANT, email,
                Arrays.asList("a@example.com", null), 10), "values[1]");
        assertRejected(() -> contactPoints().findByValues(TENANT, null, List.of("a@example.com"), 10),
                "kind");
        assertRejected(() -> contactPoints().findByValues(TENANT, email, List.of("a@example.com"), 0),
                "limit");
        assertRejected(() -> contactPoints().findByValues(TENANT, email, List.of("a@example.com"), 1001),
                "limit");
    }

    // ---- customers by name keys -----------------------------------------------------------------------

    @Test
    void find_by_name_keys_returns_the_tenants_live_customers_with_any_of_the_keys_in_id_order_whole() {
        CustomerRecord zoe = stored(CustomerFixtures.wellKnownPerson(TENANT).id(LeadFixtures.highId(1)));
        CustomerRecord smith = stored(bareProspect(TENANT).id(LeadFixtures.lowId(2)).nameKey("smith john"));
        CustomerRecord otherSmith = stored(bareProspect(TENANT).id(LeadFixtures.lowId(3)).nameKey("smith john"));
        stored(bareProspect(TENANT).id(LeadFixtures.lowId(1)).nameKey("smith john").mergedInto(smith.id()));
        stored(bareProspect(TENANT).nameKey("Smith John"));
        stored(bareProspect(TENANT).nameKey("smith johnny"));
        stored(bareProspect(TENANT));
        stored(bareProspect(OTHER_TENANT).nameKey("smith john"));

        List<CustomerRecord> found = customers().findByNameKeys(TENANT,
                List.of("smith john", zoe.nameKey(), "nobody"), 10);

        assertThat(found).containsExactly(smith, otherSmith, zoe);
        assertThat(found.get(2).tags()).isNotEmpty();
        assertThat(found.get(2).customFields()).hasSize(4);
        assertThat(customers().findByNameKeys(OTHER_TENANT, List.of(zoe.nameKey()), 10)).isEmpty();
    }

    @Test
    void find_by_name_keys_takes_the_lowest_ids_up_to_the_limit_over_a_long_list_of_keys() {
        List<CustomerRecord> customers = IntStream.range(0, LONG_LIST)
                .mapToObj(i -> bareProspect(TENANT).id(descendingId(i)).nameKey("key " + i).build()).toList();
        customers().insertAll(customers);
        List<String> keys = customers.stream().map(CustomerRecord::nameKey).toList();
        List<CustomerRecord> inIdOrder = customers.stream().sorted(CUSTOMER_ORDER).toList();

        assertThat(customers().findByNameKeys(TENANT, keys, 3))
                .containsExactlyElementsOf(inIdOrder.subList(0, 3));
        assertThat(customers().findByNameKeys(TENANT, keys, 1000)).containsExactlyElementsOf(inIdOrder);
    }

    @Test
    void find_by_name_keys_of_no_keys_finds_none_and_counts_a_repeated_key_once() {
        CustomerRecord smith = stored(bareProspect(TENANT).nameKey("smith john"));

        assertThat(customers().findByNameKeys(TENANT, List.of(), 10)).isEmpty();
        assertThat(customers().findByNameKeys(TENANT, Collections.nCopies(1001, "smith john"), 10))
                .containsExactly(smith);
    }

    @Test
    void find_by_name_keys_rejects_more_than_a_thousand_keys_a_null_key_and_a_bad_limit() {
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "key " + i).toList();

        assertRejected(() -> customers().findByNameKeys(TENANT, tooMany, 10), "nameKeys.size");
        assertRejected(() -> customers().findByNameKeys(TENANT, Arrays.asList(null, "smith"), 10),
                "nameKeys[0]");
        assertRejected(() -> customers().findByNameKeys(TENANT, List.of("smith"), 0), "limit");
        assertRejected(() -> customers().findByNameKeys(TENANT, List.of("smith"), 1001), "limit");
    }

    // ---- leads by idempotency keys --------------------------------------------------------------------

    private static LeadRecord keyed(String tenant, String key) {
        return LeadFixtures.withIdempotencyKey(LeadFixtures.webFormLead(tenant), key);
    }

    @Test
    void find_by_idempotency_keys_returns_the_tenants_leads_captured_with_the_keys() {
        LeadRecord first = keyed(TENANT, "capture-1");
        LeadRecord second = keyed(TENANT, "capture-2");
        leads().insertAll(List.of(first, second, keyed(TENANT, "capture-3"), keyed(TENANT, "Capture-1"),
                LeadFixtures.webFormLead(TENANT), keyed(OTHER_TENANT, "capture-4")));

        assertThat(leads().findByIdempotencyKeys(TENANT, List.of("capture-1", "capture-2", "capture-4",
                "unknown"))).containsExactlyInAnyOrder(first, second);
        assertThat(leads().findByIdempotencyKeys(OTHER_TENANT, List.of("capture-1"))).isEmpty();
    }

    @Test
    void find_by_idempotency_keys_finds_every_lead_of_a_long_list_of_keys() {
        List<LeadRecord> leads = IntStream.range(0, LONG_LIST)
                .mapToObj(i -> LeadFixtures.withId(keyed(TENANT, "capture-" + i), descendingId(i))).toList();
        leads().insertAll(leads);
        List<String> keys = Stream.concat(leads.stream().map(LeadRecord::idempotencyKey),
                IntStream.range(0, LeadStore.MAX_LOOKUP - LONG_LIST).mapToObj(i -> "unknown-" + i)).toList();

        assertThat(leads().findByIdempotencyKeys(TENANT, keys)).containsExactlyInAnyOrderElementsOf(leads);
    }

    @Test
    void find_by_idempotency_keys_of_no_keys_finds_none_and_counts_a_repeated_key_once() {
        LeadRecord lead = leads().insert(keyed(TENANT, "capture-1"));
        Collection<String> repeated = Collections.nCopies(LeadStore.MAX_LOOKUP + 1, "capture-1");

        assertThat(leads().findByIdempotencyKeys(TENANT, List.of())).isEmpty();
        assertThat(leads().findByIdempotencyKeys(TENANT, repeated)).containsExactly(lead);
    }

    @Test
    void find_by_idempotency_keys_rejects_more_than_a_thousand_keys_and_a_null_key() {
        List<String> tooMany = new ArrayList<>();
        IntStream.rangeClosed(0, LeadStore.MAX_LOOKUP).forEach(i -> tooMany.add("capture-" + i));

        assertRejected(() -> leads().findByIdempotencyKeys(TENANT, tooMany), "idempotencyKeys.size");
        assertRejected(() -> leads().findByIdempotencyKeys(TENANT, Arrays.asList("capture-1", null)),
                "idempotencyKeys[1]");
    }
}
