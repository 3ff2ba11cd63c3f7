package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.TicketKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The built-in {@link RoutingRule}s and how a list of them combines. */
public final class RoutingRules {
    private RoutingRules() {
    }

    /**
     * The skills a ticket of each kind needs ({@code PRODUCT_RETURN} needs {@code returns}, say); kinds not in the map
     * need none.
     *
     * @throws ValidationException ({@code skillsByKind}) when null or holding a null, or a skill that a
     *     {@link RoutingRequirement} refuses
     */
    public static RoutingRule skillsByKind(Map<TicketKind, Set<String>> skillsByKind) {
        Checks.required("skillsByKind", skillsByKind);
        Map<TicketKind, RoutingRequirement> byKind = new EnumMap<>(TicketKind.class);
        for (Map.Entry<TicketKind, Set<String>> e : skillsByKind.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new ValidationException("skillsByKind", "must not hold null");
            }
            byKind.put(e.getKey(), new RoutingRequirement(e.getValue(), null, null));
        }
        return (tenantId, ticket) -> byKind.getOrDefault(ticket.kind(), RoutingRequirement.none());
    }

    /**
     * The team (the queue) a ticket of each kind goes to; kinds not in the map go to any team.
     *
     * @throws ValidationException ({@code teamByKind}) when null or holding a null
     */
    public static RoutingRule teamByKind(Map<TicketKind, UUID> teamByKind) {
        Checks.required("teamByKind", teamByKind);
        Map<TicketKind, UUID> copy = new EnumMap<>(TicketKind.class);
        for (Map.Entry<TicketKind, UUID> e : teamByKind.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new ValidationException("teamByKind", "must not hold null");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return (tenantId, ticket) -> copy.containsKey(ticket.kind())
                ? RoutingRequirement.none().inTeam(copy.get(ticket.kind())) : RoutingRequirement.none();
    }

    /**
     * The skill a ticket names in its text custom field {@code key} (a web form's "product line", say); a ticket
     * without the field, or with a value of another type or one a skill cannot be, needs none by this rule.
     *
     * @throws ValidationException ({@code key}) when blank or longer than 64 characters
     */
    public static RoutingRule skillFromField(String key) {
        String field = Checks.text("key", key, 64);
        return (tenantId, ticket) -> text(ticket, field).map(value -> {
            try {
                return RoutingRequirement.none().withSkill(value);
            } catch (ValidationException e) {
                return RoutingRequirement.none();
            }
        }).orElse(RoutingRequirement.none());
    }

    /**
     * The language a ticket names in its text custom field {@code key} (a BCP 47 tag such as {@code de} or
     * {@code pt-BR}, the customer's language as the channel saw it); a ticket without the field, or with a value that is
     * no language tag, needs no language by this rule.
     *
     * @throws ValidationException ({@code key}) when blank or longer than 64 characters
     */
    public static RoutingRule languageFromField(String key) {
        String field = Checks.text("key", key, 64);
        return (tenantId, ticket) -> text(ticket, field).map(value -> {
            try {
                return RoutingRequirement.none().speaking(value);
            } catch (ValidationException e) {
                return RoutingRequirement.none();
            }
        }).orElse(RoutingRequirement.none());
    }

    /**
     * What {@code rules} require of {@code ticket}'s agent together: each asked in order, combined with
     * {@link RoutingRequirement#and}.
     *
     * @throws IllegalStateException when a rule answers null
     */
    public static RoutingRequirement requirementOf(List<RoutingRule> rules, String tenantId, Ticket ticket) {
        RoutingRequirement requirement = RoutingRequirement.none();
        for (RoutingRule rule : rules) {
            RoutingRequirement answer = rule.requirementOf(tenantId, ticket);
            if (answer == null) {
                throw new IllegalStateException("a routing rule answered null; it must answer RoutingRequirement.none()");
            }
            requirement = requirement.and(answer);
        }
        return requirement;
    }

    private static java.util.Optional<String> text(Ticket ticket, String key) {
        return ticket.customFields().get(key) instanceof CustomFieldValue.Text text && !text.value().isBlank()
                ? java.util.Optional.of(text.value()) : java.util.Optional.empty();
    }
}
