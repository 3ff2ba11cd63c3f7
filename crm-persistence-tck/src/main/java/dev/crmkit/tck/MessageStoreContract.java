package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.MessageFixtures.delivery;
import static dev.crmkit.tck.MessageFixtures.email;
import static dev.crmkit.tck.MessageFixtures.everyPart;
import static dev.crmkit.tck.MessageFixtures.message;
import static dev.crmkit.tck.MessageFixtures.withDelivery;
import static dev.crmkit.tck.MessageFixtures.withId;
import static dev.crmkit.tck.MessageFixtures.withKey;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link MessageStore} and {@link MessageRecord}. */
public abstract class MessageStoreContract extends ContractSupport {
    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();

    private List<MessageRecord> all(String tenantId, UUID customerId, MessageFilter filter) {
        return messages().forCustomer(tenantId, customerId, filter, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private List<MessageRecord> list(ChannelKind kind, String listName) {
        return messages().onList(TENANT, kind, listName, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private MessageRecord sent(MessageRecord m, Instant at) {
        return withDelivery(m, delivery(MessageStatus.SENT, at, "ref-" + m.id()));
    }

    @Test
    void message_with_every_part_reads_back_equal() {
        MessageRecord letter = everyPart(TENANT, jana);

        MessageRecord returned = messages().insert(letter);

        assertThat(returned).isEqualTo(letter);
        assertThat(messages().get(TENANT, letter.id())).contains(letter);
        assertThat(messages().findByIdempotencyKey(TENANT, "crm-send-4711")).contains(letter);
        assertThat(messages().get(TENANT, letter.id()).orElseThrow().content().body()).hasSize(100_000);
    }

    @Test
    void message_with_only_required_parts_reads_back_equal_and_unknown_ids_are_empty() {
        MessageRecord bare = messages().insert(email(TENANT, jana));
        MessageRecord empty = messages().insert(new MessageRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana,
                ChannelKind.CALL_LIST, "calls", new Recipient("+4930123456", null), new MessageContent(null, null),
                MessageOrigin.of("telesales"), null, NOW, MessageDelivery.queued()));

        assertThat(messages().get(TENANT, bare.id())).contains(bare);
        assertThat(messages().get(TENANT, empty.id())).contains(empty);
        assertThat(messages().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(messages().get(OTHER_TENANT, bare.id())).isEmpty();
        assertThat(messages().findByIdempotencyKey(TENANT, "never-used")).isEmpty();
    }

    @Test
    void every_kind_and_status_reads_back() {
        for (ChannelKind kind : ChannelKind.values()) {
            for (MessageStatus status : MessageStatus.values()) {
                MessageRecord stored = messages().insert(withDelivery(message(TENANT, jana, kind,
                        kind.isList() ? "list-1" : null), delivery(status, null, null)));
                assertThat(messages().get(TENANT, stored.id())).contains(stored);
            }
        }
    }

    @Test
    void an_erased_message_without_recipient_and_content_reads_back_equal() {
        MessageRecord m = email(TENANT, jana);
        MessageRecord erased = messages().insert(new MessageRecord(TENANT, m.id(), 1, NOW, NOW, jana, m.kind(), null,
                null, null, null, null, NOW, delivery(MessageStatus.DELIVERED, NOW, "ref-1")));

        assertThat(messages().get(TENANT, erased.id())).contains(erased);
        assertThat(erased.isErased()).isTrue();
    }

    @Test
    void insert_stores_version_one_whatever_the_record_says() {
        MessageRecord m = email(TENANT, jana);
        MessageRecord atThree = new MessageRecord(TENANT, m.id(), 3, NOW, NOW, jana, m.kind(), null, m.recipient(),
                m.content(), null, null, NOW, m.delivery());

        assertThat(messages().insert(atThree).version()).isEqualTo(1);
        assertThat(messages().get(TENANT, m.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        MessageRecord first = messages().insert(email(TENANT, jana));

        assertThatThrownBy(() -> messages().insert(withId(email(TENANT, piotr), first.id())))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(messages().get(TENANT, first.id())).contains(first);
        assertThat(all(TENANT, piotr, MessageFilter.everything())).isEmpty();
    }

    @Test
    void a_reused_idempotency_key_throws_duplicate_on_the_key_and_keeps_the_first() {
        MessageRecord first = messages().insert(withKey(email(TENANT, jana), "send-77"));
        MessageRecord retry = withKey(email(TENANT, jana), "send-77");

        assertThatThrownBy(() -> messages().insert(retry))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThat(messages().get(TENANT, retry.id())).isEmpty();
        assertThat(messages().findByIdempotencyKey(TENANT, "send-77")).contains(first);
    }

    @Test
    void idempotency_keys_compare_exactly_and_belong_to_their_tenant() {
        MessageRecord lower = messages().insert(withKey(email(TENANT, jana), "send-a"));
        MessageRecord upper = messages().insert(withKey(email(TENANT, jana), "SEND-A"));
        MessageRecord elsewhere = messages().insert(withKey(email(OTHER_TENANT, jana), "send-a"));

        assertThat(messages().findByIdempotencyKey(TENANT, "send-a")).contains(lower);
        assertThat(messages().findByIdempotencyKey(TENANT, "SEND-A")).contains(upper);
        assertThat(messages().findByIdempotencyKey(OTHER_TENANT, "send-a")).contains(elsewhere);
        assertThat(messages().findByIdempotencyKeys(TENANT, List.of("send-a", "SEND-A", "send-b")))
                .containsExactlyInAnyOrder(lower, upper);
    }

    @Test
    void find_by_idempotency_keys_returns_the_messages_of_the_keys_found_and_nothing_for_no_keys() {
        List<MessageRecord> stored = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            keys.add("batch-" + i);
            if (i % 3 == 0) {
                stored.add(withKey(email(TENANT, jana), "batch-" + i));
            }
        }
        messages().insertAll(stored);

        assertThat(messages().findByIdempotencyKeys(TENANT, keys)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(messages().findByIdempotencyKeys(OTHER_TENANT, keys)).isEmpty();
        assertThat(messages().findByIdempotencyKeys(TENANT, List.of())).isEmpty();
    }

    @Test
    void find_by_idempotency_keys_rejects_more_keys_than_a_batch() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= MessageStore.MAX_BATCH; i++) {
            keys.add("k-" + i);
        }

        assertThatThrownBy(() -> messages().findByIdempotencyKeys(TENANT, keys))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void insert_all_stores_every_message_at_version_one() {
        List<MessageRecord> batch = List.of(email(TENANT, jana), withKey(email(TENANT, piotr), "b-1"),
                message(TENANT, piotr, ChannelKind.SMS, null));

        messages().insertAll(batch);

        for (MessageRecord m : batch) {
            assertThat(messages().get(TENANT, m.id())).contains(m);
        }
    }

    @Test
    void insert_all_with_a_duplicate_inside_stores_nothing() {
        MessageRecord existing = messages().insert(withKey(email(TENANT, jana), "seen"));
        MessageRecord fresh = email(TENANT, piotr);
        MessageRecord clash = withKey(email(TENANT, piotr), "seen");
        MessageRecord twinA = withKey(email(TENANT, piotr), "twin");
        MessageRecord twinB = withKey(email(TENANT, piotr), "twin");

        assertThatThrownBy(() -> messages().insertAll(List.of(fresh, clash)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> messages().insertAll(List.of(fresh, twinA, twinB)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThat(all(TENANT, piotr, MessageFilter.everything())).isEmpty();
        assertThat(all(TENANT, jana, MessageFilter.everything())).containsExactly(existing);
    }

    @Test
    void insert_all_of_nothing_stores_nothing_and_more_than_a_batch_is_refused() {
        messages().insertAll(List.of());
        List<MessageRecord> tooMany = new ArrayList<>();
        for (int i = 0; i <= MessageStore.MAX_BATCH; i++) {
            tooMany.add(email(TENANT, jana));
        }

        assertThatThrownBy(() -> messages().insertAll(tooMany)).isInstanceOf(ValidationException.class);
        assertThat(all(TENANT, jana, MessageFilter.everything())).isEmpty();
    }

    @Test
    void update_stores_the_delivery_at_the_next_version_and_keeps_every_other_part() {
        MessageRecord stored = messages().insert(everyPart(TENANT, jana));
        MessageDelivery next = new MessageDelivery(MessageStatus.SENT, 4, null, "ses-9", null, NOW.plusSeconds(9),
                null);
        MessageRecord tampered = new MessageRecord(TENANT, stored.id(), 2, NOW.minusSeconds(99), NOW.plusSeconds(10),
                piotr, ChannelKind.SMS, "other", new Recipient("+4930999", "X"), new MessageContent("x", "y"),
                MessageOrigin.of("other"), "other-key", NOW.minusSeconds(50), next);

        MessageRecord updated = messages().update(tampered, 1);

        MessageRecord expected = stored.withDelivery(next, NOW.plusSeconds(10));
        assertThat(updated).isEqualTo(expected);
        assertThat(messages().get(TENANT, stored.id())).contains(expected);
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        MessageRecord stored = messages().insert(email(TENANT, jana));
        MessageRecord sending = messages().update(stored.withDelivery(delivery(MessageStatus.SENDING, null, null),
                NOW.plusSeconds(1)), 1);

        assertThatThrownBy(() -> messages().update(stored.withDelivery(delivery(MessageStatus.CANCELLED, null, null),
                NOW.plusSeconds(2)), 1)).isInstanceOf(ConflictException.class);
        assertThat(messages().get(TENANT, stored.id())).contains(sending);
    }

    @Test
    void update_of_a_missing_message_throws_not_found() {
        MessageRecord stored = messages().insert(email(TENANT, jana));
        MessageRecord elsewhere = new MessageRecord(OTHER_TENANT, stored.id(), 2, NOW, NOW, jana, stored.kind(), null,
                stored.recipient(), stored.content(), null, null, NOW, MessageDelivery.queued());

        assertThatThrownBy(() -> messages().update(email(TENANT, jana), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages().update(elsewhere, 1)).isInstanceOf(NotFoundException.class);
        assertThat(messages().get(TENANT, stored.id())).contains(stored);
    }

    @Test
    void find_by_provider_reference_matches_kind_and_reference_exactly_and_prefers_the_greatest_id() {
        MessageRecord mail = messages().insert(sent(email(TENANT, jana), NOW));
        MessageRecord low = messages().insert(withId(withDelivery(message(TENANT, jana, ChannelKind.SMS, null),
                delivery(MessageStatus.SENT, NOW, "SM-1")), idLeadingWith(0x1)));
        MessageRecord high = messages().insert(withId(withDelivery(message(TENANT, jana, ChannelKind.SMS, null),
                delivery(MessageStatus.SENT, NOW, "SM-1")), idLeadingWith(0xe)));

        assertThat(messages().findByProviderReference(TENANT, ChannelKind.EMAIL, "ref-" + mail.id())).contains(mail);
        assertThat(messages().findByProviderReference(TENANT, ChannelKind.SMS, "ref-" + mail.id())).isEmpty();
        assertThat(messages().findByProviderReference(TENANT, ChannelKind.SMS, "SM-1")).contains(high);
        assertThat(messages().findByProviderReference(TENANT, ChannelKind.SMS, "sm-1")).isEmpty();
        assertThat(messages().findByProviderReference(OTHER_TENANT, ChannelKind.SMS, "SM-1")).isEmpty();
        assertThat(low.id()).isNotEqualTo(high.id());
    }

    @Test
    void for_customer_is_newest_first_by_unsigned_id_and_shows_only_that_customer_in_that_tenant() {
        MessageRecord low = messages().insert(withId(email(TENANT, jana), idLeadingWith(0x1)));
        MessageRecord high = messages().insert(withId(email(TENANT, jana), idLeadingWith(0xe)));
        MessageRecord middle = messages().insert(withId(email(TENANT, jana), idLeadingWith(0x8)));
        messages().insert(email(TENANT, piotr));
        messages().insert(email(OTHER_TENANT, jana));

        assertThat(all(TENANT, jana, MessageFilter.everything())).containsExactly(high, middle, low);
        assertThat(all(TENANT, UUID.randomUUID(), MessageFilter.everything())).isEmpty();
    }

    @Test
    void for_customer_filters_by_kind_and_status_and_pages_by_cursor() {
        MessageRecord mail = messages().insert(withId(email(TENANT, jana), idLeadingWith(0x1)));
        MessageRecord sms = messages().insert(withId(message(TENANT, jana, ChannelKind.SMS, null), idLeadingWith(0x2)));
        MessageRecord sentMail = messages().insert(withId(sent(email(TENANT, jana), NOW), idLeadingWith(0x3)));
        MessageRecord call = messages().insert(withId(message(TENANT, jana, ChannelKind.CALL_LIST, "calls"),
                idLeadingWith(0x4)));

        assertThat(all(TENANT, jana, MessageFilter.of(ChannelKind.EMAIL, MessageStatus.QUEUED))).containsExactly(mail);
        assertThat(all(TENANT, jana, new MessageFilter(Set.of(ChannelKind.EMAIL), Set.of())))
                .containsExactly(sentMail, mail);
        assertThat(all(TENANT, jana, new MessageFilter(Set.of(), Set.of(MessageStatus.QUEUED))))
                .containsExactly(call, sms, mail);
        assertThat(all(TENANT, jana, new MessageFilter(Set.of(ChannelKind.PUSH), Set.of()))).isEmpty();

        Page<MessageRecord> first = messages().forCustomer(TENANT, jana, MessageFilter.everything(),
                PageRequest.first(3));
        assertThat(first.items()).containsExactly(call, sentMail, sms);
        assertThat(first.next()).isPresent();
        Page<MessageRecord> second = messages().forCustomer(TENANT, jana, MessageFilter.everything(),
                PageRequest.first(3).next(first.next().get()));
        assertThat(second.items()).containsExactly(mail);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void on_list_shows_the_accepted_messages_of_that_kind_and_list_by_id() {
        MessageRecord queued = messages().insert(message(TENANT, jana, ChannelKind.CALL_LIST, "calls"));
        MessageRecord onListHigh = messages().insert(withId(sent(message(TENANT, jana, ChannelKind.CALL_LIST, "calls"),
                NOW), idLeadingWith(0xd)));
        MessageRecord onListLow = messages().insert(withId(withDelivery(message(TENANT, piotr, ChannelKind.CALL_LIST,
                "calls"), new MessageDelivery(MessageStatus.FAILED, 1, null, null, "no-answer", NOW, NOW)),
                idLeadingWith(0x2)));
        messages().insert(sent(message(TENANT, jana, ChannelKind.CALL_LIST, "Calls"), NOW));
        messages().insert(sent(message(TENANT, jana, ChannelKind.DIRECT_MAIL, "calls"), NOW));
        messages().insert(sent(message(OTHER_TENANT, jana, ChannelKind.CALL_LIST, "calls"), NOW));

        assertThat(list(ChannelKind.CALL_LIST, "calls")).containsExactly(onListLow, onListHigh)
                .doesNotContain(queued);
        Page<MessageRecord> first = messages().onList(TENANT, ChannelKind.CALL_LIST, "calls", PageRequest.first(1));
        assertThat(first.items()).containsExactly(onListLow);
        assertThat(messages().onList(TENANT, ChannelKind.CALL_LIST, "calls",
                PageRequest.first(1).next(first.next().orElseThrow())).items()).containsExactly(onListHigh);
        assertThat(list(ChannelKind.DIRECT_MAIL, "nothing-here")).isEmpty();
    }

    @Test
    void on_list_refuses_a_kind_that_is_no_list() {
        assertThatThrownBy(() -> messages().onList(TENANT, ChannelKind.EMAIL, "calls", PageRequest.first(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @Test
    void move_all_moves_a_customers_messages_raising_each_version() {
        MessageRecord one = messages().insert(email(TENANT, jana));
        MessageRecord two = messages().insert(sent(email(TENANT, jana), NOW));
        MessageRecord piotrs = messages().insert(email(TENANT, piotr));
        MessageRecord elsewhere = messages().insert(email(OTHER_TENANT, jana));
        Instant at = NOW.plusSeconds(30);

        int moved = messages().moveAll(TENANT, jana, piotr, at);

        assertThat(moved).isEqualTo(2);
        assertThat(all(TENANT, jana, MessageFilter.everything())).isEmpty();
        for (MessageRecord m : List.of(one, two)) {
            MessageRecord now = messages().get(TENANT, m.id()).orElseThrow();
            assertThat(now.customerId()).isEqualTo(piotr);
            assertThat(now.version()).isEqualTo(2);
            assertThat(now.updatedAt()).isEqualTo(at);
            assertThat(now.delivery()).isEqualTo(m.delivery());
        }
        assertThat(messages().get(TENANT, piotrs.id())).contains(piotrs);
        assertThat(messages().get(OTHER_TENANT, elsewhere.id())).contains(elsewhere);
        assertThat(messages().moveAll(TENANT, jana, piotr, at)).isZero();
    }

    @Test
    void erase_blanks_recipient_and_content_of_a_customers_messages_once_and_keeps_the_rest() {
        MessageRecord one = messages().insert(everyPart(TENANT, jana));
        MessageRecord two = messages().insert(sent(email(TENANT, jana), NOW));
        MessageRecord piotrs = messages().insert(email(TENANT, piotr));
        MessageRecord elsewhere = messages().insert(email(OTHER_TENANT, jana));
        Instant at = NOW.plusSeconds(30);

        assertThat(messages().erase(TENANT, jana, at)).isEqualTo(2);

        for (MessageRecord m : List.of(one, two)) {
            MessageRecord now = messages().get(TENANT, m.id()).orElseThrow();
            assertThat(now).isEqualTo(new MessageRecord(TENANT, m.id(), 2, m.createdAt(), at, jana, m.kind(),
                    m.listName(), null, null, m.origin(), m.idempotencyKey(), m.notBefore(), m.delivery()));
        }
        assertThat(messages().findByIdempotencyKey(TENANT, "crm-send-4711").orElseThrow().isErased()).isTrue();
        assertThat(messages().get(TENANT, piotrs.id())).contains(piotrs);
        assertThat(messages().get(OTHER_TENANT, elsewhere.id())).contains(elsewhere);
        assertThat(messages().erase(TENANT, jana, at.plusSeconds(1))).isZero();
        assertThat(messages().get(TENANT, one.id()).orElseThrow().version()).isEqualTo(2);
    }
}
