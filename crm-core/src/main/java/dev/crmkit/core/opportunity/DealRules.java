package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.opportunity.LineItemRecord;
import dev.crmkit.spi.team.TeamStorage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The rules a deal's details obey, each error naming its field; checked before anything is written. */
final class DealRules {
    private DealRules() {
    }

    /** A deal's money: its amount and currency (both null for none) and its line items as stored. */
    record Priced(BigDecimal amount, String currency, List<LineItemRecord> lineItems) {
    }

    static String name(String name) {
        return Text.required("name", name, 200);
    }

    static int probability(int probability) {
        if (probability < 0 || probability > 100) {
            throw new ValidationException("probability", "must be 0 to 100");
        }
        return probability;
    }

    /**
     * The amount: without line items the given one (non-negative, or none); with line items their total, all in one
     * currency, and a given amount must equal it.
     */
    static Priced priced(Money amount, List<LineItem> items) {
        Checks.noNulls("lineItems", items);
        if (amount != null && amount.isNegative()) {
            throw new ValidationException("amount", "must not be negative");
        }
        if (items.isEmpty()) {
            return amount == null ? new Priced(null, null, List.of())
                    : new Priced(amount.amount(), amount.currencyCode(), List.of());
        }
        Money total = Money.zero(items.get(0).unitPrice().currency());
        List<LineItemRecord> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            if (!item.unitPrice().currency().equals(total.currency())) {
                throw new ValidationException("lineItems[" + i + "].unitPrice", "must be in " + total.currencyCode()
                        + " like the first line item");
            }
            total = total.plus(item.total());
            records.add(item.toRecord());
        }
        if (amount != null && (!amount.currency().equals(total.currency()) || amount.compareTo(total) != 0)) {
            throw new ValidationException("amount", "must be left unset or equal the line items' total");
        }
        return new Priced(total.amount(), total.currencyCode(), records);
    }

    static Set<String> competitors(Set<String> names) {
        Checks.noNulls("competitors", names);
        Set<String> result = new TreeSet<>();
        for (String name : names) {
            result.add(Text.required("competitors[]", name, 100));
        }
        return result;
    }

    static String leadSource(String source) {
        return Text.optional("leadSource", source, 64);
    }

    static String closeReason(String reason, boolean required) {
        return required ? Text.required("reason", reason, 500) : Text.optional("reason", reason, 500);
    }

    /** The customer, owner and contacts must exist in the tenant; contacts must be live persons. */
    static void checkReferences(Storage storage, String tenantId, UUID customerId, UUID ownerId,
            Set<OpportunityContact> contacts) {
        TeamStorage teamStorage = storage.capability(TeamStorage.class).orElseThrow();
        Checks.noNulls("contacts", contacts);
        // the customer's and every contact's kind in one read per thousand, without their tags and fields
        List<UUID> ids = new ArrayList<>();
        ids.add(customerId);
        contacts.forEach(contact -> ids.add(contact.personId()));
        Map<UUID, PartyKind> kinds = liveKinds(storage, tenantId, ids);
        if (!kinds.containsKey(customerId)) {
            throw new ValidationException("customerId", "names no live customer of this tenant");
        }
        if (ownerId != null && teamStorage.teamMembers().get(tenantId, ownerId).isEmpty()) {
            throw new ValidationException("ownerId", "names no team member of this tenant");
        }
        for (OpportunityContact contact : contacts) {
            if (kinds.get(contact.personId()) != PartyKind.PERSON) {
                throw new ValidationException("contacts[].personId", "names no live person of this tenant");
            }
        }
    }

    private static Map<UUID, PartyKind> liveKinds(Storage storage, String tenantId, List<UUID> ids) {
        CustomerStore customers = storage.capability(CustomerStorage.class).orElseThrow().customers();
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, PartyKind> kinds = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += PageRequest.MAX_LIMIT) {
            kinds.putAll(customers.liveKinds(tenantId,
                    distinct.subList(from, Math.min(distinct.size(), from + PageRequest.MAX_LIMIT))));
        }
        return kinds;
    }
}
