package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.team.TeamMemberRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code TeamMemberStore.find} against {@link MemberFilter#matches}, the reference meaning, over generated
 * members and filters: the same members, in id order, on every backend.
 */
public abstract class TeamFilterProperties extends ContractSupport {
    private static final int EXAMPLES = 40;
    private static final List<String> SKILLS = List.of("saas", "retail", "billing");
    private static final List<String> LANGUAGES = List.of("de", "en", "pt-BR");
    private static final List<String> TERRITORIES = List.of("DE", "FR", "UK");
    private static final UUID[] TEAMS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final UUID[] MANAGERS = {UUID.randomUUID(), UUID.randomUUID()};

    /** A member drawn from a few shapes, so filters match some and miss others. */
    private static Gen<long[]> memberShapes() {
        return integers().between(0, Integer.MAX_VALUE).map(i -> new long[] {i})
                .zip(integers().between(0, Integer.MAX_VALUE), (a, b) -> new long[] {a[0], b});
    }

    private static TeamMemberRecord member(String tenant, int n, long[] shape) {
        long a = shape[0];
        long b = shape[1];
        Set<String> skills = pick(SKILLS, a);
        Set<String> languages = pick(LANGUAGES, a >> 3);
        Set<String> territories = pick(TERRITORIES, a >> 6);
        TeamRole role = TeamRole.values()[(int) (b % TeamRole.values().length)];
        UUID team = (b >> 2) % 3 == 2 ? null : TEAMS[(int) ((b >> 2) % 3)];
        UUID manager = (b >> 4) % 3 == 2 ? null : MANAGERS[(int) ((b >> 4) % 3)];
        Availability availability = Availability.values()[(int) ((b >> 6) % 3)];
        Instant awayUntil = availability == Availability.AWAY ? NOW.plus(Duration.ofHours((b >> 8) % 5 - 2)) : null;
        return new TeamMemberRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, "user-" + n, "Member " + n, role, team,
                manager, skills, languages, territories, (int) (b % 11), (int) (b % 50), availability, awayUntil);
    }

    private static Set<String> pick(List<String> values, long bits) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if ((bits >> i & 1) == 1) {
                picked.add(values.get(i));
            }
        }
        return picked;
    }

    private static MemberFilter filter(long bits) {
        MemberFilter filter = MemberFilter.everyone();
        if ((bits & 1) == 1) {
            filter = filter.withRoles(EnumSet.of(TeamRole.values()[(int) (bits >> 1 & 3)], TeamRole.SALES_REP));
        }
        if ((bits >> 3 & 1) == 1) {
            filter = filter.inTeam(TEAMS[(int) (bits >> 4 & 1)]);
        }
        if ((bits >> 5 & 1) == 1) {
            filter = filter.reportingTo(MANAGERS[(int) (bits >> 6 & 1)]);
        }
        if ((bits >> 7 & 1) == 1) {
            filter = filter.withSkill(SKILLS.get((int) ((bits >> 8) % 3)));
        }
        if ((bits >> 10 & 1) == 1) {
            filter = filter.speaking(LANGUAGES.get((int) ((bits >> 11) % 3)));
        }
        if ((bits >> 13 & 1) == 1) {
            filter = filter.covering(TERRITORIES.get((int) ((bits >> 14) % 3)));
        }
        if ((bits >> 16 & 1) == 1) {
            filter = filter.available(NOW);
        }
        return filter;
    }

    @Test
    void find_returns_exactly_the_members_the_reference_filter_selects_in_id_order() {
        qt().withExamples(EXAMPLES).withShrinkCycles(20)
                .forAll(lists().of(memberShapes()).ofSizeBetween(0, 12), integers().between(0, Integer.MAX_VALUE),
                        integers().between(1, 4))
                .checkAssert((shapes, filterBits, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<TeamMemberRecord> stored = new ArrayList<>();
                    for (int i = 0; i < shapes.size(); i++) {
                        stored.add(teamMembers().insert(member(tenant, i, shapes.get(i))));
                    }
                    MemberFilter filter = filter(filterBits);
                    List<TeamMemberRecord> expected = stored.stream().filter(filter::matches)
                            .sorted(Comparator.comparing(TeamMemberRecord::id, Ids.ORDER)).toList();

                    List<TeamMemberRecord> found = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (true) {
                        Page<TeamMemberRecord> page = teamMembers().find(tenant, filter, request);
                        found.addAll(page.items());
                        if (page.next().isEmpty()) {
                            break;
                        }
                        request = request.next(page.next().get());
                    }
                    assertThat(found).as(filter.toString()).containsExactlyElementsOf(expected);
                });
    }
}
