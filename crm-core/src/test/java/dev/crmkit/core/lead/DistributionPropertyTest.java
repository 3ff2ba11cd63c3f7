package dev.crmkit.core.lead;

import static dev.crmkit.core.lead.LeadFixtures.tradeShowLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.team.Availability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Distribution over generated sequences of lead arrivals and reps leaving, coming back, going away and joining,
 * checked after every step against what the team looks like at that moment.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DistributionPropertyTest {
    private static final int EXAMPLES = 40;

    /** One step: what happens (0-5 a lead arrives, 6 a rep is deactivated, 7 goes away, 8 comes back, 9 joins) and to whom. */
    private record Step(int what, int who) {
    }

    private static org.quicktheories.core.Gen<List<Step>> steps() {
        return lists().of(integers().between(0, 9).zip(integers().between(0, 99), Step::new)).ofSizeBetween(1, 40);
    }

    private static final class Run {
        final LeadFixtures fixtures;
        final List<TeamMember> reps = new ArrayList<>();
        int serial;

        Run(DistributionStrategy strategy, int reps, int capacity) {
            fixtures = new LeadFixtures(LeadSettings.defaults().withDistribution(strategy));
            for (int i = 0; i < reps; i++) {
                join(capacity);
            }
        }

        void join(int capacity) {
            reps.add(fixtures.rep("rep-" + reps.size(), reps.size() % 11, capacity));
        }

        Lead arrive() {
            return fixtures.leads().capture(tradeShowLead("Lead" + serial++)).lead();
        }

        TeamMember current(TeamMember rep) {
            return fixtures.shop.service(TeamService.class).member(rep.id());
        }

        void deactivate(TeamMember rep) {
            fixtures.shop.service(TeamService.class).deactivate(rep.id());
            fixtures.publishAll(); // the relay hands the rep's leads on
        }

        List<TeamMember> available() {
            return reps.stream().map(this::current).filter(m -> m.availableAt(fixtures.clock.instant())).toList();
        }

        Map<UUID, Integer> openLeads() {
            Map<UUID, Integer> open = new HashMap<>();
            reps.forEach(r -> open.put(r.id(), 0));
            fixtures.leads().find(LeadFilter.open(), PageRequest.first(1000)).items().stream()
                    .filter(l -> l.ownerId() != null).forEach(l -> open.merge(l.ownerId(), 1, Integer::sum));
            return open;
        }
    }

    @Test
    void no_lead_goes_to_an_unavailable_rep_and_no_rep_goes_over_capacity() {
        DistributionStrategy[] strategies = {DistributionStrategies.roundRobin(), DistributionStrategies.leastBusy(),
                DistributionStrategies.bySeniority(),
                DistributionStrategies.territoryAndSkill(DistributionStrategies.roundRobin())};
        qt().withExamples(EXAMPLES).forAll(integers().between(0, 3), integers().between(1, 3), steps())
                .checkAssert((strategy, capacity, steps) -> {
                    Run run = new Run(strategies[strategy], 3, capacity);
                    for (Step step : steps) {
                        TeamMember rep = run.reps.get(step.who() % run.reps.size());
                        switch (step.what()) {
                            case 6 -> run.deactivate(rep);
                            case 7 -> {
                                if (run.current(rep).availability() != Availability.DEACTIVATED) {
                                    run.fixtures.shop.service(TeamService.class).setAway(rep.id(),
                                            run.fixtures.clock.instant().plus(Duration.ofDays(1)));
                                }
                            }
                            case 8 -> run.fixtures.shop.service(TeamService.class).activate(rep.id());
                            case 9 -> run.join(capacity);
                            default -> {
                                Lead lead = run.arrive();
                                List<UUID> available = run.available().stream().map(TeamMember::id).toList();
                                if (lead.ownerId() != null) {
                                    assertThat(available).as("owner available when assigned").contains(lead.ownerId());
                                }
                            }
                        }
                        Map<UUID, Integer> open = run.openLeads();
                        for (TeamMember r : run.reps) {
                            TeamMember now = run.current(r);
                            assertThat(open.get(r.id())).as("within capacity").isLessThanOrEqualTo(now.capacity());
                            if (now.availability() == Availability.DEACTIVATED) {
                                assertThat(open.get(r.id())).as("a deactivated rep keeps no leads").isZero();
                            }
                        }
                    }
                });
    }

    @Test
    void least_busy_keeps_every_available_rep_within_one_lead_of_the_others() {
        qt().withExamples(EXAMPLES).forAll(integers().between(2, 5), steps()).checkAssert((reps, steps) -> {
            Run run = new Run(DistributionStrategies.leastBusy(), reps, 1000);
            for (Step step : steps) {
                List<TeamMember> available = run.available();
                if (step.what() == 6 && available.size() > 1) {
                    run.deactivate(available.get(step.who() % available.size()));
                } else {
                    run.arrive();
                }
                Map<UUID, Integer> open = run.openLeads();
                List<Integer> counts = run.available().stream().map(m -> open.get(m.id())).toList();
                assertThat(counts.stream().mapToInt(i -> i).max().orElse(0)
                        - counts.stream().mapToInt(i -> i).min().orElse(0)).as("spread of %s", counts)
                        .isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void round_robin_hands_out_evenly_between_two_changes_of_the_team() {
        qt().withExamples(EXAMPLES).forAll(integers().between(2, 5), steps()).checkAssert((reps, steps) -> {
            Run run = new Run(DistributionStrategies.roundRobin(), reps, 1000);
            Map<UUID, Integer> since = new HashMap<>();
            for (Step step : steps) {
                List<TeamMember> available = run.available();
                if (step.what() == 6 && available.size() > 1) {
                    TeamMember leaving = available.get(step.who() % available.size());
                    List<UUID> held = run.fixtures.leads().find(LeadFilter.open().ownedBy(leaving.id()),
                            PageRequest.first(1000)).items().stream().map(Lead::id).toList();
                    since.clear();
                    run.deactivate(leaving);
                    held.forEach(id -> since.merge(run.fixtures.leads().get(id).ownerId(), 1, Integer::sum));
                } else if (step.what() == 9) {
                    since.clear();
                    run.join(1000);
                } else {
                    since.merge(run.arrive().ownerId(), 1, Integer::sum);
                }
                List<Integer> counts = run.available().stream().map(m -> since.getOrDefault(m.id(), 0)).toList();
                assertThat(counts.stream().mapToInt(i -> i).max().orElse(0)
                        - counts.stream().mapToInt(i -> i).min().orElse(0)).as("handed out %s", counts)
                        .isLessThanOrEqualTo(1);
            }
        });
    }
}
