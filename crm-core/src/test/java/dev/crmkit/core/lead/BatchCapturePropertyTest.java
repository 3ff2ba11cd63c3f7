package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.lead.LeadFilter;
import dev.crmkit.spi.lead.LeadSource;
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
 * {@code captureAll} decides as the same captures one after another do: over generated lists of submissions from
 * a small crowd (so resubmissions, repeated idempotency keys, customer matches and full reps happen), one tenant
 * captures them one by one and another as one batch, and both end with the same outcomes and the same leads.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchCapturePropertyTest {
    private static final int EXAMPLES = 60;
    private static final String[] PEOPLE = {"Baker", "Clarke", "Dijkstra", "Euler", "Fermat", "Gauss"};

    /** A submission: who (0-5), how (0 trade show, 1 web form, 2 e-mail only, 3 phone only), which key (0: none). */
    private record Submission(int who, int how, int key) {
        CaptureLead command() {
            String name = PEOPLE[who];
            CaptureLead command = switch (how) {
                case 0 -> LeadFixtures.tradeShowLead(name);
                case 1 -> LeadFixtures.webFormLead(name);
                case 2 -> CaptureLead.from(LeadSource.EVENT).withEmail(name.toLowerCase() + "@gmail.com")
                        .withJobTitle("Owner");
                default -> CaptureLead.from(LeadSource.PHONE).withPerson("Tom", name)
                        .withPhone("030 55500" + who).withCompany(name + " KG", "retail", 8 + who);
            };
            return key == 0 ? command : command.withIdempotencyKey("post-" + key);
        }
    }

    private record Case(List<Submission> before, List<Submission> batch, int strategy, int capacity) {
    }

    private static org.quicktheories.core.Gen<Submission> submissions() {
        return integers().between(0, PEOPLE.length - 1).zip(integers().between(0, 3), integers().between(0, 4),
                Submission::new);
    }

    private static org.quicktheories.core.Gen<Case> cases() {
        return lists().of(submissions()).ofSizeBetween(0, 4).zip(lists().of(submissions()).ofSizeBetween(1, 14),
                integers().between(0, 2), integers().between(1, 6), Case::new);
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

    /** One tenant's world: reps, a customer, earlier leads captured one by one. */
    private static final class Side {
        final LeadFixtures fixtures;
        final LeadService leads;
        final Map<UUID, String> names = new HashMap<>();

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
            var customer = fixtures.shop.service(CustomerService.class).register(RegisterPerson.named("Tom", "Euler")
                    .withEmail("euler@gmail.com")).customer();
            names.put(customer.id(), "customer-euler");
            c.before().forEach(s -> leads.capture(s.command()));
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
