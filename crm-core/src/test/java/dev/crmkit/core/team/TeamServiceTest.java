package dev.crmkit.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.model.team.TeamRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TeamServiceTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TeamService team = fixtures.tenant(TouchPointFixtures.TENANT).service(TeamService.class);
    private final TeamService otherTenant = fixtures.tenant(TouchPointFixtures.OTHER_TENANT).service(TeamService.class);

    private List<String> availableUserIds(MemberFilter filter, Instant at) {
        return team.availableMembers(filter, at, PageRequest.first(100)).items().stream().map(TeamMember::userId)
                .toList();
    }

    private long storedMembers() {
        return team.members(MemberFilter.everyone(), PageRequest.first(1000)).items().size();
    }

    @Test
    void added_member_is_stored_normalized_and_announced_without_personal_data() {
        Team north = team.createTeam("North", null);

        TeamMember ana = team.add(MemberDetails.of("ana-7", "Ana Souza", TeamRole.SALES_REP).withTeam(north.id())
                .withSkills(Set.of(" saas ", "retail")).withLanguages(Set.of("pt-br", "EN")).withTerritories(Set.of("BR"))
                .withSeniority(4).withCapacity(30));

        assertThat(ana.version()).isEqualTo(1);
        assertThat(ana.availability()).isEqualTo(Availability.ACTIVE);
        assertThat(ana.skills()).containsExactly("retail", "saas");
        assertThat(ana.languages()).containsExactly("en", "pt-BR");
        assertThat(team.member(ana.id())).isEqualTo(ana);
        assertThat(team.memberByUserId("ana-7")).isEqualTo(ana);
        assertThatThrownBy(() -> team.memberByUserId("nobody-1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> team.member(java.util.UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        List<PublishedEvent> events = fixtures.publishAll();
        assertThat(events).extracting(PublishedEvent::type).containsExactly("team.created", "team-member.added");
        assertThat(events.get(1).aggregateType()).isEqualTo("team-member");
        assertThat(events.get(1).payload()).contains(ana.id().toString(), "SALES_REP").doesNotContain("Souza");
    }

    @Test
    void an_e_mail_address_is_refused_as_a_user_id_because_user_ids_travel_in_events() {
        assertThatThrownBy(() -> team.add(MemberDetails.of("ana@acme.example", "Ana Souza", TeamRole.SALES_REP)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("userId");
                    assertThat(e.getMessage()).doesNotContain("ana@acme.example");
                });
        assertThat(storedMembers()).isZero();
        assertThat(fixtures.publishAll()).isEmpty();
    }

    @Test
    void a_user_id_is_taken_once_per_tenant() {
        team.add(MemberDetails.of("jo", "Jo", TeamRole.SERVICE_AGENT));

        assertThatThrownBy(() -> team.add(MemberDetails.of("jo", "Jo Two", TeamRole.SALES_REP)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("userId"));
        assertThat(storedMembers()).isEqualTo(1);
        assertThat(otherTenant.add(MemberDetails.of("jo", "Jo", TeamRole.SALES_REP)).userId()).isEqualTo("jo");
    }

    @Test
    void team_and_manager_must_exist_in_the_tenant() {
        Team foreignTeam = otherTenant.createTeam("Foreign", null);
        TeamMember foreignBoss = otherTenant.add(MemberDetails.of("boss", "Boss", TeamRole.SALES_MANAGER));

        assertThatThrownBy(() -> team.add(MemberDetails.of("a", "A", TeamRole.SALES_REP).withTeam(foreignTeam.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("teamId"));
        assertThatThrownBy(() -> team.add(MemberDetails.of("a", "A", TeamRole.SALES_REP)
                .withManager(foreignBoss.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("managerId"));
        assertThatThrownBy(() -> team.createTeam("North", foreignBoss.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("managerId"));
        assertThat(storedMembers()).isZero();
        assertThat(team.teams(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void management_chain_runs_upwards_and_a_cycle_is_refused() {
        TeamMember ceo = team.add(MemberDetails.of("ceo", "CEO", TeamRole.SALES_MANAGER));
        TeamMember lead = team.add(MemberDetails.of("lead", "Lead", TeamRole.SALES_MANAGER).withManager(ceo.id()));
        TeamMember rep = team.add(MemberDetails.of("rep", "Rep", TeamRole.SALES_REP).withManager(lead.id()));

        assertThat(team.managementChain(rep.id())).extracting(TeamMember::userId).containsExactly("lead", "ceo");
        assertThat(team.managementChain(ceo.id())).isEmpty();
        assertThatThrownBy(() -> team.update(ceo.id(), MemberDetails.of(ceo).withManager(rep.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("managerId"));
        assertThat(team.member(ceo.id()).managerId()).isNull();
        assertThat(team.members(MemberFilter.everyone().reportingTo(lead.id()), PageRequest.first(10)).items())
                .extracting(TeamMember::userId).containsExactly("rep");
    }

    @Test
    void away_members_are_available_again_when_their_absence_ends_and_deactivated_ones_never() {
        Instant now = fixtures.clock.instant();
        TeamMember kim = team.add(MemberDetails.of("kim", "Kim", TeamRole.SALES_REP));
        TeamMember lee = team.add(MemberDetails.of("lee", "Lee", TeamRole.SALES_REP));
        Instant back = now.plus(Duration.ofDays(3));

        TeamMember away = team.setAway(kim.id(), back);
        team.deactivate(lee.id());

        assertThat(away.availability()).isEqualTo(Availability.AWAY);
        assertThat(away.awayUntil()).isEqualTo(back);
        assertThat(availableUserIds(MemberFilter.everyone(), now)).isEmpty();
        assertThat(availableUserIds(MemberFilter.everyone(), back)).containsExactly("kim");
        assertThatThrownBy(() -> team.setAway(lee.id(), back)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> team.setAway(kim.id(), now)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("until"));

        team.activate(lee.id());
        team.activate(kim.id());
        team.activate(kim.id());

        assertThat(availableUserIds(MemberFilter.everyone(), now)).containsExactlyInAnyOrder("kim", "lee");
        assertThat(fixtures.publishAll()).filteredOn(e -> e.type().equals("team-member.availability-changed"))
                .as("a repeated activation changes nothing and announces nothing").hasSize(4);
    }

    @Test
    void update_replaces_the_details_keeps_the_availability_and_raises_the_version() {
        TeamMember kim = team.add(MemberDetails.of("kim", "Kim", TeamRole.SALES_REP).withSkills(Set.of("saas")));
        team.setAway(kim.id(), fixtures.clock.instant().plus(Duration.ofHours(5)));

        TeamMember changed = team.update(kim.id(), MemberDetails.of(team.member(kim.id()))
                .withSkills(Set.of("retail")).withCapacity(5));

        assertThat(changed.version()).isEqualTo(3);
        assertThat(changed.skills()).containsExactly("retail");
        assertThat(changed.capacity()).isEqualTo(5);
        assertThat(changed.availability()).isEqualTo(Availability.AWAY);
        assertThatThrownBy(() -> team.update(UUID.randomUUID(), MemberDetails.of("x", "X", TeamRole.SALES_REP)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void teams_are_unique_by_name_and_can_be_renamed() {
        TeamMember boss = team.add(MemberDetails.of("boss", "Boss", TeamRole.SERVICE_MANAGER));
        Team support = team.createTeam("Support", boss.id());

        assertThatThrownBy(() -> team.createTeam("Support", null))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("name"));
        Team renamed = team.updateTeam(support.id(), "Support EMEA", null);

        assertThat(renamed.name()).isEqualTo("Support EMEA");
        assertThat(renamed.managerId()).isNull();
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(team.teams(PageRequest.first(10)).items()).containsExactly(renamed);
        assertThatThrownBy(() -> otherTenant.team(support.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bad_input_names_the_field_and_changes_nothing() {
        TeamMember kim = team.add(MemberDetails.of("kim", "Kim", TeamRole.SALES_REP));
        fixtures.publishAll();
        List<Supplier<Object>> calls = List.of(
                () -> team.add(null),
                () -> team.add(MemberDetails.of(" ", "X", TeamRole.SALES_REP)),
                () -> team.add(MemberDetails.of("x", "X", null)),
                () -> team.add(MemberDetails.of("x", "X", TeamRole.SALES_REP).withLanguages(Set.of("english!"))),
                () -> team.add(MemberDetails.of("x", "X", TeamRole.SALES_REP).withCapacity(-1)),
                () -> team.add(MemberDetails.of("x", "X", TeamRole.SALES_REP).withSeniority(11)),
                () -> team.add(MemberDetails.of("x", "x".repeat(201), TeamRole.SALES_REP)),
                () -> team.update(kim.id(), MemberDetails.of(kim).withSkills(Set.of("s".repeat(65)))),
                () -> team.update(null, MemberDetails.of(kim)),
                () -> team.setAway(kim.id(), null),
                () -> team.createTeam("", null),
                () -> team.availableMembers(MemberFilter.everyone(), null, PageRequest.first(1)));
        List<String> fields = List.of("details", "userId", "details.role", "languages[]", "capacity", "seniority",
                "displayName", "skills[]", "memberId", "until", "name", "at");

        for (int i = 0; i < calls.size(); i++) {
            Supplier<Object> call = calls.get(i);
            String field = fields.get(i);
            assertThatThrownBy(call::get).as("call " + i).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo(field));
        }
        assertThat(storedMembers()).isEqualTo(1);
        assertThat(team.member(kim.id())).isEqualTo(kim);
        assertThat(fixtures.publishAll()).extracting(PublishedEvent::type).doesNotContain("team-member.changed")
                .filteredOn(t -> t.startsWith("team")).hasSize(1);
    }
}
