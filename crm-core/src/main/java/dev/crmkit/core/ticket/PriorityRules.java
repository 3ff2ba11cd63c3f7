package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in {@link PriorityRule}s, and how a tenant's rules combine.
 *
 * <p>How rules combine: every rule of the tenant's list is asked; the highest priority any rule gives wins, and of
 * rules giving the same highest priority the first in the list is the reason. When no rule applies the ticket gets
 * {@link TicketPriority#NORMAL} with the reason {@value #DEFAULT}. A priority given explicitly when the ticket is
 * opened counts as an agent's choice: no rule is asked and the reason is {@value #AGENT}. Rules only ever raise a
 * ticket above another rule's answer, so adding a rule never lowers a priority that another rule gave.
 */
public final class PriorityRules {
    /** The reason of the default priority, when no rule applies. */
    public static final String DEFAULT = "default";
    /** The reason of a priority an agent chose: given when the ticket was opened, or changed later. */
    public static final String AGENT = "agent";
    /** The name of {@link #byKind}. */
    public static final String KIND = "kind";
    /** The name of {@link #byChannel}. */
    public static final String CHANNEL = "channel";
    /** The name of {@link #customerTier}. */
    public static final String CUSTOMER_TIER = "customer-tier";

    /** A keyword of {@link #subjectWords}: letters and digits only, 1 to 50 of them. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]{1,50}");
    /** What separates the words of a subject: anything but letters and digits. */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private PriorityRules() {
    }

    /**
     * The rule named {@value #KIND}: the priority of the ticket's kind, such as {@code INCIDENT} and {@code COMPLAINT}
     * {@code HIGH}; a kind not in the map has no opinion.
     *
     * @throws ValidationException ({@code priorityByKind}) when the map or one of its keys or values is null
     */
    public static PriorityRule byKind(Map<TicketKind, TicketPriority> priorityByKind) {
        Map<TicketKind, TicketPriority> map = copy("priorityByKind", priorityByKind);
        return new Rule(KIND, (tenantId, ticket) -> Optional.ofNullable(map.get(ticket.kind())));
    }

    /**
     * The rule named {@value #CHANNEL}: the priority of the channel the ticket came in on, such as {@code PHONE} and
     * {@code CHAT} {@code HIGH} (the customer is waiting on the line); a channel not in the map has no opinion.
     *
     * @throws ValidationException ({@code priorityByChannel}) when the map or one of its keys or values is null
     */
    public static PriorityRule byChannel(Map<TicketChannel, TicketPriority> priorityByChannel) {
        Map<TicketChannel, TicketPriority> map = copy("priorityByChannel", priorityByChannel);
        return new Rule(CHANNEL, (tenantId, ticket) -> Optional.ofNullable(map.get(ticket.channel())));
    }

    /**
     * A rule of the given name that gives {@code priority} when the subject contains one of the keywords as a word,
     * ignoring case: {@code outage} matches "Outage since 9:00" and "total OUTAGE!", not "outages". Words of a
     * subject are its runs of letters and digits. The name is the reason recorded, so name each class of keywords
     * ({@code outage-words}, {@code urgent-words}); the subject itself is never recorded.
     *
     * @throws ValidationException ({@code name}) when the name breaks {@link PriorityRule#NAME} or is reserved;
     *     ({@code keywords}) when there are none, or one is not a single word of letters and digits, 1 to 50 long;
     *     ({@code priority}) when it is null
     */
    public static PriorityRule subjectWords(String name, Set<String> keywords, TicketPriority priority) {
        checkName(name);
        Checks.required("keywords", keywords);
        Checks.noNulls("keywords", keywords);
        if (keywords.isEmpty()) {
            throw new ValidationException("keywords", "must name at least one word");
        }
        Set<String> words = new HashSet<>();
        for (String keyword : keywords) {
            if (!WORD.matcher(keyword).matches()) {
                throw new ValidationException("keywords", "must each be one word of 1 to 50 letters or digits");
            }
            words.add(keyword.toLowerCase(Locale.ROOT));
        }
        Checks.required("priority", priority);
        Set<String> lookedFor = Set.copyOf(words);
        return new Rule(name, (tenantId, ticket) -> Arrays.stream(BETWEEN_WORDS.split(ticket.subject()))
                .map(word -> word.toLowerCase(Locale.ROOT)).anyMatch(lookedFor::contains)
                ? Optional.of(priority) : Optional.empty());
    }

    /**
     * The rule named {@value #CUSTOMER_TIER}: asks the host's {@link CustomerTier} port for the customer's tier and
     * gives the tier's priority; a customer without a tier, or with a tier not in the map, has no opinion. Tiers are
     * matched exactly.
     *
     * @throws ValidationException ({@code tiers}) when the port is null; ({@code priorityByTier}) when the map or one
     *     of its keys or values is null
     */
    public static PriorityRule customerTier(CustomerTier tiers, Map<String, TicketPriority> priorityByTier) {
        Checks.required("tiers", tiers);
        Checks.required("priorityByTier", priorityByTier);
        priorityByTier.forEach((tier, priority) -> {
            Checks.required("priorityByTier", tier);
            Checks.required("priorityByTier", priority);
        });
        Map<String, TicketPriority> map = Map.copyOf(priorityByTier);
        return new Rule(CUSTOMER_TIER, (tenantId, ticket) -> {
            Optional<String> tier = tiers.tierOf(tenantId, ticket.customerId());
            return tier == null ? Optional.empty() : tier.map(map::get);
        });
    }

    /**
     * Throws unless {@code name} can name a rule: the form of {@link PriorityRule#NAME} and not a reserved reason.
     *
     * @throws ValidationException ({@code name}) naming what is wrong
     */
    static String checkName(String name) {
        Checks.required("name", name);
        if (!PriorityRule.NAME.matcher(name).matches()) {
            throw new ValidationException("name", "must be 1 to 50 lower-case letters, digits or '-', from a letter");
        }
        if (name.equals(DEFAULT) || name.equals(AGENT)) {
            throw new ValidationException("name", "is reserved for the default priority or an agent's choice");
        }
        return name;
    }

    /**
     * The priority of a ticket being opened and its reason, by the rules above: the explicit priority as an agent's
     * choice, else the highest a rule gives (the first such rule), else the default.
     */
    static Prioritized prioritize(List<PriorityRule> rules, String tenantId, OpenTicket ticket) {
        if (ticket.priority() != null) {
            return new Prioritized(ticket.priority(), AGENT);
        }
        Prioritized best = new Prioritized(TicketPriority.NORMAL, DEFAULT);
        boolean decided = false;
        for (PriorityRule rule : rules) {
            Optional<TicketPriority> given = rule.priorityOf(tenantId, ticket);
            if (given != null && given.isPresent()
                    && (!decided || given.get().compareTo(best.priority()) > 0)) {
                best = new Prioritized(given.get(), rule.name());
                decided = true;
            }
        }
        return best;
    }

    /** A priority and the reason for it: a rule's name, {@value #DEFAULT} or {@value #AGENT}. */
    record Prioritized(TicketPriority priority, String reason) {
    }

    private static <K extends Enum<K>> Map<K, TicketPriority> copy(String field, Map<K, TicketPriority> map) {
        Checks.required(field, map);
        map.forEach((key, priority) -> {
            Checks.required(field, key);
            Checks.required(field, priority);
        });
        return map.isEmpty() ? Map.of() : new EnumMap<>(map);
    }

    /** A built-in rule: its name and what it answers. */
    private record Rule(String name, Answer answer) implements PriorityRule {
        @Override
        public Optional<TicketPriority> priorityOf(String tenantId, OpenTicket ticket) {
            return answer.priorityOf(tenantId, ticket);
        }

        @Override
        public String toString() {
            return "PriorityRule[" + name + "]";
        }
    }

    /** What a built-in rule answers. */
    @FunctionalInterface
    private interface Answer {
        Optional<TicketPriority> priorityOf(String tenantId, OpenTicket ticket);
    }
}
