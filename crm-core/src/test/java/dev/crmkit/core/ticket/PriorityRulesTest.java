package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The built-in priority rules at their edges, and how a tenant's rules combine. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PriorityRulesTest {
    private static final String TENANT = "acme";
    private static final UUID CUSTOMER = UUID.fromString("018f0000-0000-7000-8000-000000000001");

    private static OpenTicket ticket(TicketKind kind, TicketChannel channel, String subject) {
        return OpenTicket.of(CUSTOMER, kind, channel, subject);
    }

    private static OpenTicket emailQuestion(String subject) {
        return ticket(TicketKind.INFORMATION_REQUEST, TicketChannel.EMAIL, subject);
    }

    /** A host's rule that always gives one priority, or none when {@code priority} is null. */
    private static PriorityRule fixed(String name, TicketPriority priority) {
        return new PriorityRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<TicketPriority> priorityOf(String tenantId, OpenTicket ticket) {
                return Optional.ofNullable(priority);
            }
        };
    }

    // ---- kind and channel ----------------------------------------------------------------------------------------

    @Test
    void the_kind_rule_gives_the_priority_of_a_kind_in_its_map_and_has_no_opinion_on_the_others() {
        PriorityRule rule = PriorityRules.byKind(Map.of(TicketKind.INCIDENT, TicketPriority.URGENT,
                TicketKind.COMPLAINT, TicketPriority.HIGH));

        assertThat(rule.name()).isEqualTo("kind");
        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.INCIDENT, TicketChannel.EMAIL, "x")))
                .contains(TicketPriority.URGENT);
        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.COMPLAINT, TicketChannel.EMAIL, "x")))
                .contains(TicketPriority.HIGH);
        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "x"))).isEmpty();
        assertThat(PriorityRules.byKind(Map.of()).priorityOf(TENANT, emailQuestion("x"))).isEmpty();
    }

    @Test
    void the_channel_rule_gives_the_priority_of_a_channel_in_its_map_and_has_no_opinion_on_the_others() {
        PriorityRule rule = PriorityRules.byChannel(Map.of(TicketChannel.PHONE, TicketPriority.HIGH,
                TicketChannel.CHAT, TicketPriority.HIGH));

        assertThat(rule.name()).isEqualTo("channel");
        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.COMPLAINT, TicketChannel.PHONE, "x")))
                .contains(TicketPriority.HIGH);
        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.COMPLAINT, TicketChannel.CHAT, "x")))
                .contains(TicketPriority.HIGH);
        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.COMPLAINT, TicketChannel.PORTAL, "x"))).isEmpty();
        assertThat(PriorityRules.byChannel(Map.of()).priorityOf(TENANT, emailQuestion("x"))).isEmpty();
    }

    @Test
    void kind_and_channel_maps_with_nulls_are_refused_naming_the_map() {
        Map<TicketKind, TicketPriority> nullValue = new HashMap<>();
        nullValue.put(TicketKind.INCIDENT, null);
        Map<TicketChannel, TicketPriority> nullKey = new HashMap<>();
        nullKey.put(null, TicketPriority.HIGH);

        assertThatThrownBy(() -> PriorityRules.byKind(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("priorityByKind");
        assertThatThrownBy(() -> PriorityRules.byKind(nullValue)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("priorityByKind");
        assertThatThrownBy(() -> PriorityRules.byChannel(nullKey)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("priorityByChannel");
    }

    @Test
    void the_kind_rule_keeps_its_own_copy_of_the_map() {
        Map<TicketKind, TicketPriority> map = new HashMap<>(Map.of(TicketKind.INCIDENT, TicketPriority.HIGH));
        PriorityRule rule = PriorityRules.byKind(map);

        map.put(TicketKind.INCIDENT, TicketPriority.LOW);

        assertThat(rule.priorityOf(TENANT, ticket(TicketKind.INCIDENT, TicketChannel.EMAIL, "x")))
                .contains(TicketPriority.HIGH);
    }

    // ---- words in the subject -------------------------------------------------------------------------------------

    @Test
    void subject_words_match_whole_words_ignoring_case_and_punctuation() {
        PriorityRule rule = PriorityRules.subjectWords("outage-words", Set.of("Outage", "down"),
                TicketPriority.URGENT);

        assertThat(rule.name()).isEqualTo("outage-words");
        for (String subject : List.of("outage", "Total OUTAGE!", "site is down.", "(down) since 9:00",
                "Störung: outage/Ausfall")) {
            assertThat(rule.priorityOf(TENANT, emailQuestion(subject))).as(subject).contains(TicketPriority.URGENT);
        }
        for (String subject : List.of("outages", "downtime planned", "breakdown", "out age", "Question")) {
            assertThat(rule.priorityOf(TENANT, emailQuestion(subject))).as(subject).isEmpty();
        }
    }

    @Test
    void subject_words_match_letters_beyond_ascii() {
        PriorityRule rule = PriorityRules.subjectWords("dringend", Set.of("DRINGEND", "störung"),
                TicketPriority.HIGH);

        assertThat(rule.priorityOf(TENANT, emailQuestion("Bitte dringend!"))).contains(TicketPriority.HIGH);
        assertThat(rule.priorityOf(TENANT, emailQuestion("STÖRUNG im Netz"))).contains(TicketPriority.HIGH);
        assertThat(rule.priorityOf(TENANT, emailQuestion("Netzstörung"))).isEmpty();
    }

    @Test
    void subject_keywords_must_be_single_words_and_the_rule_a_name_that_is_a_code() {
        assertThatThrownBy(() -> PriorityRules.subjectWords("w", Set.of(), TicketPriority.HIGH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keywords");
        assertThatThrownBy(() -> PriorityRules.subjectWords("w", Set.of("two words"), TicketPriority.HIGH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keywords");
        assertThatThrownBy(() -> PriorityRules.subjectWords("w", Set.of(""), TicketPriority.HIGH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keywords");
        assertThatThrownBy(() -> PriorityRules.subjectWords("w", Set.of("a".repeat(51)), TicketPriority.HIGH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keywords");
        assertThat(PriorityRules.subjectWords("w", Set.of("a".repeat(50)), TicketPriority.HIGH)
                .priorityOf(TENANT, emailQuestion("a".repeat(50)))).contains(TicketPriority.HIGH);
        assertThatThrownBy(() -> PriorityRules.subjectWords("w", null, TicketPriority.HIGH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keywords");
        assertThatThrownBy(() -> PriorityRules.subjectWords("w", Set.of("x"), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priority");
        for (String name : List.of("", "Outage", "1st", "with space", "a".repeat(51), "default", "agent")) {
            assertThatThrownBy(() -> PriorityRules.subjectWords(name, Set.of("x"), TicketPriority.HIGH)).as(name)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        }
        assertThatThrownBy(() -> PriorityRules.subjectWords(null, Set.of("x"), TicketPriority.HIGH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThat(PriorityRules.subjectWords("a".repeat(50), Set.of("x"), TicketPriority.HIGH).name())
                .hasSize(50);
    }

    // ---- customer tier -------------------------------------------------------------------------------------------

    @Test
    void the_tier_rule_asks_the_hosts_port_and_gives_the_priority_of_a_known_tier() {
        UUID gold = UUID.randomUUID();
        UUID bronze = UUID.randomUUID();
        UUID nullAnswer = UUID.randomUUID();
        List<String> asked = new ArrayList<>();
        CustomerTier tiers = (tenantId, customerId) -> {
            asked.add(tenantId);
            if (customerId.equals(nullAnswer)) {
                return null;
            }
            return customerId.equals(gold) ? Optional.of("gold")
                    : customerId.equals(bronze) ? Optional.of("bronze") : Optional.empty();
        };
        PriorityRule rule = PriorityRules.customerTier(tiers, Map.of("gold", TicketPriority.URGENT));

        assertThat(rule.name()).isEqualTo("customer-tier");
        assertThat(rule.priorityOf(TENANT, OpenTicket.of(gold, TicketKind.COMPLAINT, TicketChannel.EMAIL, "x")))
                .contains(TicketPriority.URGENT);
        assertThat(rule.priorityOf(TENANT, OpenTicket.of(bronze, TicketKind.COMPLAINT, TicketChannel.EMAIL, "x")))
                .as("a tier not in the map").isEmpty();
        assertThat(rule.priorityOf(TENANT, OpenTicket.of(UUID.randomUUID(), TicketKind.COMPLAINT,
                TicketChannel.EMAIL, "x"))).as("no tier").isEmpty();
        assertThat(rule.priorityOf(TENANT, OpenTicket.of(nullAnswer, TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "x"))).as("a null answer").isEmpty();
        assertThat(asked).containsOnly(TENANT).hasSize(4);
        assertThat(PriorityRules.customerTier(CustomerTier.none(), Map.of("gold", TicketPriority.URGENT))
                .priorityOf(TENANT, emailQuestion("x"))).isEmpty();
    }

    @Test
    void the_tier_rule_needs_a_port_and_a_map_without_nulls() {
        Map<String, TicketPriority> nullTier = new HashMap<>();
        nullTier.put(null, TicketPriority.HIGH);
        Map<String, TicketPriority> nullPriority = new HashMap<>();
        nullPriority.put("gold", null);

        assertThatThrownBy(() -> PriorityRules.customerTier(null, Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("tiers");
        assertThatThrownBy(() -> PriorityRules.customerTier(CustomerTier.none(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityByTier");
        assertThatThrownBy(() -> PriorityRules.customerTier(CustomerTier.none(), nullTier))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityByTier");
        assertThatThrownBy(() -> PriorityRules.customerTier(CustomerTier.none(), nullPriority))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityByTier");
    }

    // ---- combining -----------------------------------------------------------------------------------------------

    @Test
    void no_rule_applying_gives_normal_by_default_and_an_explicit_priority_is_the_agents_choice() {
        List<PriorityRule> rules = List.of(fixed("never", null));

        assertThat(PriorityRules.prioritize(rules, TENANT, emailQuestion("x")))
                .isEqualTo(new PriorityRules.Prioritized(TicketPriority.NORMAL, "default"));
        assertThat(PriorityRules.prioritize(List.of(), TENANT, emailQuestion("x")))
                .isEqualTo(new PriorityRules.Prioritized(TicketPriority.NORMAL, "default"));
        assertThat(PriorityRules.prioritize(List.of(fixed("urgent", TicketPriority.URGENT)), TENANT,
                emailQuestion("x").withPriority(TicketPriority.LOW)))
                .isEqualTo(new PriorityRules.Prioritized(TicketPriority.LOW, "agent"));
    }

    @Test
    void the_highest_priority_wins_and_ties_go_to_the_first_rule() {
        List<PriorityRule> rules = List.of(fixed("low", TicketPriority.LOW), fixed("high-a", TicketPriority.HIGH),
                fixed("normal", TicketPriority.NORMAL), fixed("high-b", TicketPriority.HIGH));

        assertThat(PriorityRules.prioritize(rules, TENANT, emailQuestion("x")))
                .isEqualTo(new PriorityRules.Prioritized(TicketPriority.HIGH, "high-a"));
    }

    @Test
    void a_single_rule_may_lower_a_ticket_below_the_default() {
        assertThat(PriorityRules.prioritize(List.of(fixed("never", null), fixed("low", TicketPriority.LOW)), TENANT,
                emailQuestion("x"))).isEqualTo(new PriorityRules.Prioritized(TicketPriority.LOW, "low"));
    }

    @Test
    void a_host_rule_answering_null_counts_as_no_opinion() {
        PriorityRule nullAnswer = new PriorityRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Optional<TicketPriority> priorityOf(String tenantId, OpenTicket ticket) {
                return null;
            }
        };

        assertThat(PriorityRules.prioritize(List.of(nullAnswer, fixed("low", TicketPriority.LOW)), TENANT,
                emailQuestion("x"))).isEqualTo(new PriorityRules.Prioritized(TicketPriority.LOW, "low"));
    }

    @Test
    void property_the_result_is_the_highest_given_priority_from_the_first_rule_giving_it() {
        // each rule is an index into the priorities, or -1 for no opinion
        qt().withExamples(300).forAll(lists().of(integers().between(-1, 3)).ofSizeBetween(0, 8)).checkAssert(given -> {
            List<PriorityRule> rules = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                int p = given.get(i);
                rules.add(fixed("rule-" + i, p < 0 ? null : TicketPriority.values()[p]));
            }

            PriorityRules.Prioritized result = PriorityRules.prioritize(rules, TENANT, emailQuestion("x"));

            Optional<Integer> highest = given.stream().filter(p -> p >= 0).max(Comparator.naturalOrder());
            if (highest.isEmpty()) {
                assertThat(result).isEqualTo(new PriorityRules.Prioritized(TicketPriority.NORMAL, "default"));
            } else {
                assertThat(result.priority()).isEqualTo(TicketPriority.values()[highest.get()]);
                assertThat(result.reason()).isEqualTo("rule-" + given.indexOf(highest.get()));
            }
        });
    }

    // ---- settings ------------------------------------------------------------------------------------------------

    @Test
    void settings_give_each_tenant_its_rules_or_the_common_ones() {
        PriorityRule kind = PriorityRules.byKind(Map.of(TicketKind.INCIDENT, TicketPriority.HIGH));
        PriorityRule channel = PriorityRules.byChannel(Map.of(TicketChannel.PHONE, TicketPriority.HIGH));

        TicketSettings settings = TicketSettings.defaults().withPriorityRules(List.of(kind))
                .withPriorityRules("globex", List.of(channel, kind));

        assertThat(TicketSettings.defaults().priorityRulesOf("acme")).isEmpty();
        assertThat(settings.priorityRulesOf("acme")).containsExactly(kind);
        assertThat(settings.priorityRulesOf("globex")).containsExactly(channel, kind);
        assertThat(settings.withReopenWindow(java.time.Duration.ZERO).priorityRulesOf("globex"))
                .containsExactly(channel, kind);
        assertThat(settings.withReopenWindow("acme", java.time.Duration.ZERO).priorityRulesOf("acme"))
                .containsExactly(kind);
    }

    @Test
    void settings_refuse_two_rules_of_one_name_a_reserved_name_null_rules_and_bad_tenants() {
        PriorityRule kind = PriorityRules.byKind(Map.of());
        List<PriorityRule> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules(List.of(kind, kind)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityRules");
        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules("acme", List.of(kind, kind)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityRules");
        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules(List.of(fixed("agent", null))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules(List.of(fixed("Bad Name", null))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules(withNull))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityRules");
        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules((List<PriorityRule>) null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityRules");
        assertThatThrownBy(() -> TicketSettings.defaults().withPriorityRules("bad tenant!", List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tenantId");
        assertThatThrownBy(() -> new TicketSettings(TicketSettings.DEFAULT_REOPEN_WINDOW, Map.of(), List.of(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityRulesByTenant");
    }
}
