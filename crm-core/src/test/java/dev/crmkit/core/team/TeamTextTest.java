package dev.crmkit.core.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.team.TeamRole;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A team's and a member's text follow the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TeamTextTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TeamService team = fixtures.tenant(TouchPointFixtures.TENANT).service(TeamService.class);

    @Test
    void a_member_and_a_team_registered_with_padded_names_read_back_stripped() {
        // when
        Team north = team.createTeam(" North ", null);
        TeamMember ana = team.add(MemberDetails.of("ana-7", "  Ana Souza ", TeamRole.SALES_REP).withTeam(north.id())
                .withSkills(Set.of(" saas ")));

        // then
        assertThat(team.team(north.id()).name()).isEqualTo("North");
        assertThat(team.member(ana.id()).displayName()).isEqualTo("Ana Souza");
        assertThat(team.member(ana.id()).skills()).containsExactly("saas");
    }
}
