package dev.crmkit.tck;

import static dev.crmkit.tck.MessageFixtures.delivery;
import static dev.crmkit.tck.MessageFixtures.message;
import static dev.crmkit.tck.MessageFixtures.withDelivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.message.MessageRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Keyset paging through a customer's messages and through a list: for any messages, any filter and any page size,
 * the pages read one after another equal the reference evaluation ({@link MessageFilter#test}; on the list: accepted
 * messages of that kind and list) in the contract's order, with {@code next} present exactly on a full page.
 */
public abstract class MessagePagingProperties extends ContractSupport {
    private static final int EXAMPLES = 30;
    private static final Comparator<MessageRecord> NEWEST_FIRST = Comparator.comparing(MessageRecord::id, Ids.ORDER)
            .reversed();
    private static final Comparator<MessageRecord> BY_ID = Comparator.comparing(MessageRecord::id, Ids.ORDER);
    private static final List<String> LISTS = List.of("calls", "letters");

    private final List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID());

    /** Kind, status, customer, list and whether the channel accepted it. */
    private record Shape(ChannelKind kind, MessageStatus status, int customer, int list, boolean accepted) {
    }

    private static Gen<Shape> shape() {
        return range(0, ChannelKind.values().length - 1).zip(range(0, MessageStatus.values().length - 1),
                range(0, 3), (k, s, c) -> new Shape(ChannelKind.values()[k], MessageStatus.values()[s], c % 2,
                        c / 2, (k + s) % 3 != 0));
    }

    private static <E extends Enum<E>> Gen<Set<E>> subset(Class<E> type) {
        E[] values = type.getEnumConstants();
        return lists().of(range(0, values.length - 1)).ofSizeBetween(0, 3).map(picks -> {
            Set<E> set = EnumSet.noneOf(type);
            picks.forEach(i -> set.add(values[i]));
            return set;
        });
    }

    private MessageRecord store(String tenant, Shape shape) {
        MessageRecord m = message(tenant, customers.get(shape.customer()), shape.kind(),
                shape.kind().isList() ? LISTS.get(shape.list()) : null);
        return messages().insert(withDelivery(m, delivery(shape.status(), shape.accepted() ? NOW : null, null)));
    }

    private static List<MessageRecord> readAll(int pageSize, Function<PageRequest, Page<MessageRecord>> read) {
        List<MessageRecord> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<MessageRecord> page = read.apply(request);
            seen.addAll(page.items());
            assertThat(page.next().isPresent()).as("next present exactly on a full page")
                    .isEqualTo(page.items().size() == pageSize);
            if (page.next().isEmpty()) {
                return seen;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void pages_of_a_customers_filtered_messages_equal_the_reference_evaluation_newest_first() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(lists().of(shape()).ofSizeBetween(0, 16), subset(ChannelKind.class),
                        subset(MessageStatus.class), range(1, 6))
                .checkAssert((shapes, kinds, statuses, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<MessageRecord> stored = new ArrayList<>();
                    shapes.forEach(s -> stored.add(store(tenant, s)));
                    MessageFilter filter = new MessageFilter(kinds, statuses);
                    UUID customer = customers.get(0);

                    List<MessageRecord> expected = stored.stream()
                            .filter(m -> m.customerId().equals(customer) && filter.test(m))
                            .sorted(NEWEST_FIRST).toList();

                    assertThat(readAll(pageSize, page -> messages().forCustomer(tenant, customer, filter, page)))
                            .as("messages under %s", filter).isEqualTo(expected);
                });
    }

    @Test
    void pages_of_a_list_equal_its_accepted_messages_by_id() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(lists().of(shape()).ofSizeBetween(0, 16), range(0, 1), range(0, 1), range(1, 6))
                .checkAssert((shapes, kindPick, listPick, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<MessageRecord> stored = new ArrayList<>();
                    shapes.forEach(s -> stored.add(store(tenant, s)));
                    ChannelKind kind = kindPick == 0 ? ChannelKind.CALL_LIST : ChannelKind.DIRECT_MAIL;
                    String list = LISTS.get(listPick);

                    List<MessageRecord> expected = stored.stream()
                            .filter(m -> m.kind() == kind && list.equals(m.listName())
                                    && m.delivery().sentAt() != null)
                            .sorted(BY_ID).toList();

                    assertThat(readAll(pageSize, page -> messages().onList(tenant, kind, list, page)))
                            .as("list %s of %s", list, kind).isEqualTo(expected);
                });
    }
}
