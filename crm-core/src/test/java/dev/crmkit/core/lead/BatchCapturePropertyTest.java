package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Capture decides as the dedup rules say, whether one by one or in a batch. Over generated lists of submissions from
 * a small crowd (so resubmissions, repeated idempotency keys, customer matches, weak matches and full reps happen):
 *
 * <ul>
 *   <li>each capture's outcome, the lead it went into, the customer link and the review flag agree with a small
 *       model of the rules ({@link Model}), written without the code under test, for single captures and for
 *       batches alike;</li>
 *   <li>a batch ends where the same captures one after another end: every lead the same, score and owner
 *       included.</li>
 * </ul>
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchCapturePropertyTest {
    private static final int EXAMPLES = 60;
    private static final String[] PEOPLE = {"Baker", "Clarke", "Dijkstra", "Euler", "Fermat", "Gauss"};
    /** The person the tenant has as a customer, with the e-mail address of their trade-show and e-mail-only leads. */
    private static final int CUSTOMER = 3;

    /** How a person is submitted; each way shares exactly the signals its comment names with the others. */
    private enum Way {
        /**
         * Tom &lt;name&gt;, a buyer, &lt;name&gt;@gmail.com: the same e-mail as {@link #EMAIL_ONLY} and the customer.
         */
        TRADE_SHOW,
        /** &lt;name&gt;@gmail.com and another job title (owner), no name. */
        EMAIL_ONLY,
        /** Tom &lt;name&gt; at &lt;name&gt; KG with a phone: the same name and company as {@link #COLLEAGUE}. */
        PHONE,
        /** Tom &lt;name&gt; at &lt;name&gt; KG, nothing else: only ever a weak match. */
        COLLEAGUE,
        /** Grace &lt;name&gt; at &lt;name&gt; Systems GmbH with an address of her own: shares nothing with the rest. */
        WEB_FORM
    }

    /** A submission: who (0-5), which way, which key (0: none). */
    private record Submission(int who, Way way, int key) {
        CaptureLead command() {
            String name = PEOPLE[who];
            CaptureLead command = switch (way) {
                case TRADE_SHOW -> LeadFixtures.tradeShowLead(name).withJobTitle("Buyer");
                case EMAIL_ONLY -> CaptureLead.from(LeadSource.EVENT).withEmail(name.toLowerCase() + "@gmail.com")
                        .withJobTitle("Owner");
                case PHONE -> CaptureLead.from(LeadSource.PHONE).withPerson("Tom", name)
                        .withPhone("030 55500" + who).withCompany(name + " KG", "retail", 8 + who);
                case COLLEAGUE -> CaptureLead.from(LeadSource.REFERRAL).withPerson("Tom", name)
                        .withCompany(name + " KG", "retail", 8 + who);
                case WEB_FORM -> CaptureLead.from(LeadSource.WEB_FORM).withPerson("Grace", name)
                        .withCompany(name + " Systems GmbH", "software", 120).withJobTitle("Head of IT")
                        .withEmail("grace." + name.toLowerCase() + "@" + name.toLowerCase() + "-systems.example")
                        .withRawSubmission("{\"form\":\"demo-request\"}");
            };
            return key == 0 ? command : command.withIdempotencyKey("post-" + key);
        }
    }

    private record Case(List<Submission> before, List<Submission> batch, int strategy, int capacity) {
    }

    private static org.quicktheories.core.Gen<Submission> submissions() {
        return integers().between(0, PEOPLE.length - 1).zip(integers().between(0, Way.values().length - 1),
                integers().between(0, 4), (who, way, key) -> new Submission(who, Way.values()[way], key));
    }

    private static org.quicktheories.core.Gen<Case> cases() {
        return lists().of(submissions()).ofSizeBetween(0, 4).zip(lists().of(submissions()).ofSizeBetween(1, 14),
                integers().between(0, 2), integers().between(1, 6), Case::new);
    }

    @Test
    void captures_one_by_one_and_in_a_batch_decide_as_the_model_of_the_dedup_rules() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Model model = new Model();
            List<Decision> expected = new ArrayList<>();
            c.before().forEach(s -> expected.add(model.capture(s)));
            List<Decision> expectedOfBatch = new ArrayList<>();
            c.batch().forEach(s -> expectedOfBatch.add(model.capture(s)));
            expected.addAll(expectedOfBatch);

            Side single = new Side(c);
            List<CaptureResult> oneByOne = new ArrayList<>(single.before);
            c.batch().forEach(s -> oneByOne.add(single.leads.capture(s.command())));
            Side batched = new Side(c);
            List<CaptureResult> inBatch = new ArrayList<>(batched.before);
            inBatch.addAll(batched.leads.captureAll(c.batch().stream().map(Submission::command).toList()));

            for (Side side : List.of(single, batched)) {
                List<CaptureResult> results = side == single ? oneByOne : inBatch;
                Map<UUID, Integer> modelLeadOf = new HashMap<>();
                for (int i = 0; i < expected.size(); i++) {
                    Decision decision = expected.get(i);
                    CaptureResult result = results.get(i);
                    String what = (side == single ? "one by one" : "in a batch") + ", capture " + i + " " + decision;
                    assertThat(result.outcome()).as(what).isEqualTo(decision.outcome());
                    Integer known = modelLeadOf.putIfAbsent(result.lead().id(), decision.lead());
                    assertThat(known == null ? decision.lead() : known).as(what + ": the lead it went into")
                            .isEqualTo(decision.lead());
                    if (decision.outcome() == CaptureOutcome.CREATED) {
                        assertThat(known).as(what + ": a lead of its own").isNull();
                        assertThat(result.lead().needsReview()).as(what + ": flagged").isEqualTo(decision.review());
                        assertThat(result.lead().matchedCustomerId() != null).as(what + ": linked")
                                .isEqualTo(decision.linked());
                    }
                }
                List<Lead> stored = side.leads.find(LeadFilter.all(), PageRequest.first(1000)).items();
                assertThat(stored).as("every lead the model made").hasSize(model.leads.size());
                for (Lead lead : stored) {
                    List<Way> merged = model.leads.get(modelLeadOf.get(lead.id()));
                    if (merged.get(0) == Way.EMAIL_ONLY || merged.get(0) == Way.TRADE_SHOW) {
                        assertThat(lead.details().familyName() != null).as("a name from a trade show in " + merged)
                                .isEqualTo(merged.contains(Way.TRADE_SHOW));
                        assertThat(lead.details().jobTitle()).as("the first title, never overwritten, of " + merged)
                                .isEqualTo(merged.get(0) == Way.TRADE_SHOW ? "Buyer" : "Owner");
                    }
                }
            }
        });
    }

    @Test
    void a_batch_ends_where_the_same_captures_one_by_one_end() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Side single = new Side(c);
            Side batched = new Side(c);
            List<CaptureResult> one = c.batch().stream().map(s -> single.leads.capture(s.command())).toList();
            List<CaptureResult> all = batched.leads.captureAll(c.batch().stream().map(Submission::command).toList());

            assertThat(all).extracting(CaptureResult::outcome)
                    .containsExactlyElementsOf(one.stream().map(CaptureResult::outcome).toList());
            assertThat(all.stream().map(r -> batched.describe(r.lead().id())).toList())
                    .as("each result's lead as it ends")
                    .containsExactlyElementsOf(one.stream().map(r -> single.describe(r.lead().id())).toList());
            assertThat(batched.everyLead()).containsExactlyInAnyOrderElementsOf(single.everyLead());
        });
    }

    /** What the model expects of one capture: the outcome, the model's number of the lead, the link and the flag. */
    private record Decision(CaptureOutcome outcome, int lead, boolean linked, boolean review) {
    }

    /**
     * The dedup rules for this crowd, as sales.md states them, with the default policy (merge and link): a key used
     * before replays the lead it went into; the same e-mail or phone as an open lead merges into it; else a new lead,
     * linked when the customer has its e-mail, and flagged when it only resembles an open lead (the same name at the
     * same company). Leads are never closed here, so every lead stays open.
     */
    private static final class Model {
        /** Each lead made, by number, with the ways of the submissions that went into it, in order. */
        final List<List<Way>> leads = new ArrayList<>();
        private final Map<Integer, Integer> byKey = new HashMap<>();
        private final Map<String, Integer> byEmail = new HashMap<>();
        private final Map<Integer, Integer> byPhone = new HashMap<>();
        /** Per person, the leads at their company under their name: of phone and colleague submissions. */
        private final Map<Integer, List<Integer>> atCompany = new HashMap<>();

        Decision capture(Submission s) {
            if (s.key() != 0 && byKey.containsKey(s.key())) {
                return new Decision(CaptureOutcome.REPLAYED, byKey.get(s.key()), false, false);
            }
            Integer same = switch (s.way()) {
                case TRADE_SHOW, EMAIL_ONLY -> byEmail.get("gmail-" + s.who());
                case WEB_FORM -> byEmail.get("web-" + s.who());
                case PHONE -> byPhone.get(s.who());
                case COLLEAGUE -> null;
            };
            Decision decision;
            if (same != null) {
                leads.get(same).add(s.way());
                decision = new Decision(CaptureOutcome.MERGED, same, false, false);
            } else {
                int lead = leads.size();
                leads.add(new ArrayList<>(List.of(s.way())));
                boolean gmail = s.way() == Way.TRADE_SHOW || s.way() == Way.EMAIL_ONLY;
                boolean atTheCompany = s.way() == Way.PHONE || s.way() == Way.COLLEAGUE;
                boolean resembles = atTheCompany && !atCompany.getOrDefault(s.who(), List.of()).isEmpty();
                decision = new Decision(CaptureOutcome.CREATED, lead, gmail && s.who() == CUSTOMER, resembles);
                switch (s.way()) {
                    case TRADE_SHOW, EMAIL_ONLY -> byEmail.put("gmail-" + s.who(), lead);
                    case WEB_FORM -> byEmail.put("web-" + s.who(), lead);
                    case PHONE -> byPhone.put(s.who(), lead);
                    case COLLEAGUE -> { }
                }
                if (atTheCompany) {
                    atCompany.computeIfAbsent(s.who(), w -> new ArrayList<>()).add(lead);
                }
            }
            if (s.key() != 0) {
                byKey.put(s.key(), decision.lead());
            }
            return decision;
        }
    }

    /** One tenant's world: reps, a customer, earlier leads captured one by one. */
    private static final class Side {
        final LeadFixtures fixtures;
        final LeadService leads;
        final Map<UUID, String> names = new HashMap<>();
        final List<CaptureResult> before = new ArrayList<>();

        Side(Case c) {
            Function<Integer, DistributionStrategy> strategy = i -> switch (i) {
                case 0 -> DistributionStrategies.roundRobin();
                case 1 -> DistributionStrategies.leastBusy();
                default -> DistributionStrategies.bySeniority();
            };
            fixtures = new LeadFixtures(LeadSettings.defaults().withDistribution(strategy.apply(c.strategy())));
            leads = fixtures.leads();
            for (int r = 0; r < 3; r++) {
                TeamMember rep = fixtures.rep("rep-" + r, r * 3, c.capacity());
                names.put(rep.id(), rep.userId());
            }
            var customer = fixtures.shop.service(CustomerService.class).register(RegisterPerson.named("Tom",
                    PEOPLE[CUSTOMER]).withEmail(PEOPLE[CUSTOMER].toLowerCase() + "@gmail.com")).customer();
            names.put(customer.id(), "customer-euler");
            c.before().forEach(s -> before.add(leads.capture(s.command())));
        }

        /** What a lead is, without the ids and versions that differ between the two sides. */
        String describe(UUID leadId) {
            Lead l = leads.get(leadId);
            return String.join("|", String.valueOf(l.details()), String.valueOf(l.attribution().source()),
                    String.valueOf(l.attribution().rawSubmission()), String.valueOf(l.status()),
                    l.score().explanation().toString(), names.getOrDefault(l.ownerId(), "nobody"),
                    names.getOrDefault(l.matchedCustomerId(), "no customer"), String.valueOf(l.needsReview()),
                    String.valueOf(fixtures.storage.leads().get(LeadFixtures.TENANT, leadId).orElseThrow()
                            .idempotencyKey()), String.valueOf(l.firstContactDueAt()));
        }

        List<String> everyLead() {
            List<String> all = new ArrayList<>();
            leads.find(LeadFilter.all(), PageRequest.first(1000)).items().forEach(l -> all.add(describe(l.id())));
            return all;
        }
    }
}
