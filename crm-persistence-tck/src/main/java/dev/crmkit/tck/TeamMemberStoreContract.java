package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TeamFixtures.changed;
import static dev.crmkit.tck.TeamFixtures.member;
import static dev.crmkit.tck.TeamFixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamMemberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link TeamMemberStore} and {@link TeamMemberRecord}. */
public abstract class TeamMemberStoreContract extends ContractSupport {
    private final UUID north = UUID.randomUUID();
    private final UUID south = UUID.randomUUID();

    private TeamMemberStore members() {
        return teamMembers();
    }

    private List<TeamMemberRecord> all(String tenant, MemberFilter filter) {
        List<TeamMemberRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<TeamMemberRecord> page = members().find(tenant, filter, request);
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            request = request.next(page.next().get());
        }
    }

    private static List<String> userIds(List<TeamMemberRecord> members) {
        return members.stream().map(TeamMemberRecord::userId).toList();
    }

    @Test
    void member_reads_back_equal_with_its_skills_languages_and_territories() {
        TeamMemberRecord ana = member(TENANT, "ana@acme", TeamRole.SERVICE_AGENT, north, UUID.randomUUID(),
                Set.of("billing", "Rückerstattung"), Set.of("de", "pt-BR"), Set.of("DE-BY", "AT"), Availability.AWAY,
                NOW.plus(Duration.ofDays(3)));

        assertThat(members().insert(ana)).isEqualTo(ana);

        assertThat(members().get(TENANT, ana.id())).contains(ana);
        assertThat(members().findByUserId(TENANT, "ana@acme")).contains(ana);
        assertThat(members().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(members().findByUserId(TENANT, "ANA@acme")).as("user ids match exactly").isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        TeamMemberRecord first = members().insert(rep(TENANT, "u1"));
        TeamMemberRecord same = new TeamMemberRecord(TENANT, first.id(), 1, NOW, NOW, "u2", "Other", TeamRole.SALES_REP,
                null, null, Set.of(), Set.of(), Set.of(), 0, 1, Availability.ACTIVE, null);

        assertThatThrownBy(() -> members().insert(same)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(members().get(TENANT, first.id())).contains(first);
        assertThat(members().findByUserId(TENANT, "u2")).isEmpty();
    }

    @Test
    void a_user_id_belongs_to_one_member_per_tenant() {
        members().insert(rep(TENANT, "jo"));
        TeamMemberRecord again = member(TENANT, "jo", TeamRole.SALES_REP, null, null, Set.of("x"), Set.of(), Set.of(),
                Availability.ACTIVE, null);

        assertThatThrownBy(() -> members().insert(again)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("userId"));
        assertThat(members().get(TENANT, again.id())).isEmpty();
        assertThat(members().insert(rep(OTHER_TENANT, "jo")).userId()).as("another tenant's jo").isEqualTo("jo");
    }

    @Test
    void update_raises_the_version_keeps_created_at_and_replaces_the_attributes() {
        TeamMemberRecord stored = members().insert(member(TENANT, "kim", TeamRole.SALES_REP, north, null,
                Set.of("saas", "retail"), Set.of("en"), Set.of("UK"), Availability.ACTIVE, null));
        Instant later = NOW.plusSeconds(60);
        TeamMemberRecord away = changed(stored, later, "kim", Set.of("retail", "automotive"), Availability.AWAY,
                later.plus(Duration.ofDays(7)));

        TeamMemberRecord updated = members().update(away, 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(NOW);
        assertThat(updated.updatedAt()).isEqualTo(later);
        assertThat(updated.skills()).containsExactly("automotive", "retail");
        assertThat(updated.availability()).isEqualTo(Availability.AWAY);
        assertThat(members().get(TENANT, stored.id())).contains(updated);
        assertThat(all(TENANT, MemberFilter.everyone().withSkill("saas"))).isEmpty();
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        TeamMemberRecord stored = members().insert(rep(TENANT, "lee"));
        members().update(changed(stored, NOW, "lee", Set.of("a"), Availability.ACTIVE, null), 1);

        assertThatThrownBy(() -> members().update(changed(stored, NOW, "lee2", Set.of("b"), Availability.DEACTIVATED,
                null), 1)).isInstanceOf(ConflictException.class);

        TeamMemberRecord now = members().get(TENANT, stored.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.userId()).isEqualTo("lee");
        assertThat(now.skills()).containsExactly("a");
    }

    @Test
    void update_of_an_unknown_member_throws_not_found() {
        assertThatThrownBy(() -> members().update(rep(TENANT, "ghost"), 1)).isInstanceOf(NotFoundException.class);
        assertThat(members().findByUserId(TENANT, "ghost")).isEmpty();
    }

    @Test
    void update_to_a_user_id_another_member_has_throws_duplicate_and_changes_nothing() {
        members().insert(rep(TENANT, "max"));
        TeamMemberRecord mia = members().insert(rep(TENANT, "mia"));

        assertThatThrownBy(() -> members().update(changed(mia, NOW, "max", Set.of("z"), Availability.ACTIVE, null), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("userId"));
        assertThat(members().get(TENANT, mia.id())).contains(mia);
    }

    @Test
    void get_all_returns_the_known_members_of_the_tenant_only() {
        TeamMemberRecord a = members().insert(rep(TENANT, "a"));
        TeamMemberRecord b = members().insert(rep(TENANT, "b"));
        TeamMemberRecord foreign = members().insert(rep(OTHER_TENANT, "c"));

        assertThat(members().getAll(TENANT, List.of(a.id(), b.id(), foreign.id(), UUID.randomUUID(), a.id())))
                .containsExactlyInAnyOrder(a, b);
        assertThat(members().getAll(TENANT, List.of())).isEmpty();
    }

    @Test
    void find_selects_by_role_team_manager_skill_language_and_territory() {
        TeamMemberRecord boss = members().insert(member(TENANT, "boss", TeamRole.SALES_MANAGER, north, null,
                Set.of("enterprise"), Set.of("en"), Set.of("UK"), Availability.ACTIVE, null));
        members().insert(member(TENANT, "r1", TeamRole.SALES_REP, north, boss.id(), Set.of("saas"), Set.of("en", "de"),
                Set.of("DE"), Availability.ACTIVE, null));
        members().insert(member(TENANT, "r2", TeamRole.SALES_REP, south, boss.id(), Set.of("saas", "retail"),
                Set.of("fr"), Set.of("FR"), Availability.ACTIVE, null));
        members().insert(member(TENANT, "s1", TeamRole.SERVICE_AGENT, south, null, Set.of("retail"), Set.of("de"),
                Set.of("DE"), Availability.ACTIVE, null));
        members().insert(member(OTHER_TENANT, "r9", TeamRole.SALES_REP, north, boss.id(), Set.of("saas"), Set.of("de"),
                Set.of("DE"), Availability.ACTIVE, null));

        assertThat(userIds(all(TENANT, MemberFilter.everyone().withRoles(Set.of(TeamRole.SALES_REP)))))
                .containsExactlyInAnyOrder("r1", "r2");
        assertThat(userIds(all(TENANT, MemberFilter.everyone()
                .withRoles(EnumSet.of(TeamRole.SALES_MANAGER, TeamRole.SERVICE_AGENT)))))
                .containsExactlyInAnyOrder("boss", "s1");
        assertThat(userIds(all(TENANT, MemberFilter.everyone().inTeam(south)))).containsExactlyInAnyOrder("r2", "s1");
        assertThat(userIds(all(TENANT, MemberFilter.everyone().reportingTo(boss.id()))))
                .containsExactlyInAnyOrder("r1", "r2");
        assertThat(userIds(all(TENANT, MemberFilter.everyone().withSkill("retail"))))
                .containsExactlyInAnyOrder("r2", "s1");
        assertThat(userIds(all(TENANT, MemberFilter.everyone().speaking("de")))).containsExactlyInAnyOrder("r1", "s1");
        assertThat(userIds(all(TENANT, MemberFilter.everyone().speaking("DE")))).as("exact tags").isEmpty();
        assertThat(userIds(all(TENANT, MemberFilter.everyone().covering("DE").withSkill("saas"))))
                .containsExactly("r1");
        assertThat(userIds(all(TENANT, MemberFilter.everyone().inTeam(north).withRoles(Set.of(TeamRole.SALES_REP))
                .speaking("de").covering("DE").withSkill("saas").reportingTo(boss.id())))).containsExactly("r1");
    }

    @Test
    void available_members_are_the_active_and_those_whose_absence_has_ended_never_the_deactivated() {
        Instant at = NOW.plus(Duration.ofDays(1));
        members().insert(member(TENANT, "active", TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(),
                Availability.ACTIVE, null));
        members().insert(member(TENANT, "back", TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(),
                Availability.AWAY, at.minusSeconds(1)));
        members().insert(member(TENANT, "back-now", TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(),
                Availability.AWAY, at));
        members().insert(member(TENANT, "still-away", TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(),
                Availability.AWAY, at.plusNanos(1000)));
        members().insert(member(TENANT, "gone", TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(),
                Availability.DEACTIVATED, null));

        assertThat(userIds(all(TENANT, MemberFilter.everyone().available(at))))
                .containsExactlyInAnyOrder("active", "back", "back-now");
        assertThat(all(TENANT, MemberFilter.everyone())).hasSize(5);
    }

    @Test
    void find_pages_in_id_order_without_skips_or_repeats() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(members().insert(rep(TENANT, "p" + i)).id());
        }
        List<UUID> seen = all(TENANT, MemberFilter.everyone()).stream().map(TeamMemberRecord::id).toList();

        assertThat(seen).isSortedAccordingTo(Ids.ORDER).containsExactlyInAnyOrderElementsOf(ids);
        Page<TeamMemberRecord> first = members().find(TENANT, MemberFilter.everyone(), PageRequest.first(7));
        assertThat(first.items()).hasSize(7);
    }

    @Test
    void a_member_record_refuses_inconsistent_values() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new TeamMemberRecord(TENANT, id, 1, NOW, NOW, "u", "U", TeamRole.SALES_REP, null, null,
                Set.of(), Set.of(), Set.of(), 1, 1, Availability.AWAY, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("awayUntil"));
        assertThatThrownBy(() -> new TeamMemberRecord(TENANT, id, 1, NOW, NOW, "u", "U", TeamRole.SALES_REP, null, id,
                Set.of(), Set.of(), Set.of(), 1, 1, Availability.ACTIVE, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("managerId"));
        assertThatThrownBy(() -> new TeamMemberRecord(TENANT, id, 1, NOW, NOW, "u", "U", TeamRole.SALES_REP, null, null,
                Set.of(), Set.of(), Set.of(), 11, 1, Availability.ACTIVE, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("seniority"));
        assertThatThrownBy(() -> new TeamMemberRecord(TENANT, id, 1, NOW, NOW, "u", "U", TeamRole.SALES_REP, null, null,
                Set.of(), Set.of(" "), Set.of(), 1, 1, Availability.ACTIVE, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("languages[]"));
    }

    @Test
    void calls_with_one_tenant_never_see_or_change_another_tenants_members() {
        TeamMemberRecord theirs = members().insert(member(OTHER_TENANT, "x", TeamRole.SALES_REP, north, null,
                Set.of("saas"), Set.of("de"), Set.of("DE"), Availability.ACTIVE, null));
        TeamMemberRecord forged = new TeamMemberRecord(TENANT, theirs.id(), 1, NOW, NOW, "x", "Forged",
                TeamRole.SALES_MANAGER, null, null, Set.of(), Set.of(), Set.of(), 0, 0, Availability.DEACTIVATED, null);

        assertThat(members().get(TENANT, theirs.id())).isEmpty();
        assertThat(members().findByUserId(TENANT, "x")).isEmpty();
        assertThat(all(TENANT, MemberFilter.everyone().withSkill("saas"))).isEmpty();
        assertThatThrownBy(() -> members().update(forged, 1)).isInstanceOf(NotFoundException.class);
        assertThat(members().get(OTHER_TENANT, theirs.id())).contains(theirs);
    }
}
