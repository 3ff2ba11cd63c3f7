package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.team.TeamMemberRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in ways of handing out leads. All of them see only available members below capacity (the distributor
 * filters first); they differ in whom they prefer:
 *
 * <ul>
 *   <li>{@link #roundRobin()}: the next member after the one who got the last lead, in a fixed (id) order, so
 *       leads go around the team evenly: between two changes of the team, no member gets two more than another.</li>
 *   <li>{@link #leastBusy()}: the member with the fewest open leads (a member with none first); ties go around
 *       like round robin.</li>
 *   <li>{@link #bySeniority()}: the best-scored leads to the most experienced reps: a lead scoring {@code s} goes
 *       to the member whose seniority (0 to 10) is closest to {@code s / 10}, the least busy of those.</li>
 *   <li>{@link #territoryAndSkill(DistributionStrategy)}: members covering the lead's country who also have its
 *       industry as a skill; failing that, members covering the country; failing that, those with the skill;
 *       failing that, everyone. Among them the given strategy decides.</li>
 * </ul>
 */
public final class DistributionStrategies {
    private DistributionStrategies() {
    }

    /** Round robin in id order, going on after the last assigned member. */
    public static DistributionStrategy roundRobin() {
        return (lead, candidates, last) -> Optional.of(inRotation(candidates, last).get(0).member().id());
    }

    /** The fewest open leads first; ties in round-robin order. */
    public static DistributionStrategy leastBusy() {
        return (lead, candidates, last) -> inRotation(candidates, last).stream()
                .min(Comparator.comparingInt(Candidate::openLeads)).map(c -> c.member().id());
    }

    /** The closest seniority to the lead's score first; then the least busy; then round-robin order. */
    public static DistributionStrategy bySeniority() {
        return (lead, candidates, last) -> {
            int target = Math.round(lead.score().points() * TeamMemberRecord.MAX_SENIORITY / 100f);
            return inRotation(candidates, last).stream()
                    .min(Comparator.<Candidate>comparingInt(c -> Math.abs(c.member().seniority() - target))
                            .thenComparingInt(Candidate::openLeads))
                    .map(c -> c.member().id());
        };
    }

    /** Territory and skill match first, then {@code within} among the matching members. */
    public static DistributionStrategy territoryAndSkill(DistributionStrategy within) {
        Checks.required("within", within);
        return (lead, candidates, last) -> {
            String country = lead.details().countryCode();
            String industry = lead.details().industry();
            List<Candidate> both = new ArrayList<>();
            List<Candidate> territory = new ArrayList<>();
            List<Candidate> skill = new ArrayList<>();
            for (Candidate c : candidates) {
                boolean covers = country != null && c.member().territories().contains(country);
                boolean skilled = industry != null && c.member().skills().contains(industry.strip());
                if (covers && skilled) {
                    both.add(c);
                }
                if (covers) {
                    territory.add(c);
                }
                if (skilled) {
                    skill.add(c);
                }
            }
            List<Candidate> chosen = !both.isEmpty() ? both : !territory.isEmpty() ? territory
                    : !skill.isEmpty() ? skill : candidates;
            return within.choose(lead, chosen, last);
        };
    }

    /** The candidates in id order starting after {@code last} and wrapping around. */
    static List<Candidate> inRotation(List<Candidate> candidates, UUID last) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(c -> c.member().id(), Ids.ORDER));
        if (last == null) {
            return sorted;
        }
        int start = 0;
        while (start < sorted.size() && Ids.ORDER.compare(sorted.get(start).member().id(), last) <= 0) {
            start++;
        }
        List<Candidate> rotated = new ArrayList<>(sorted.subList(start, sorted.size()));
        rotated.addAll(sorted.subList(0, start));
        return rotated;
    }
}
