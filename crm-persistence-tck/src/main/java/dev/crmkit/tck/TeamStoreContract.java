package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TeamFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.team.TeamRecord;
import dev.crmkit.spi.team.TeamStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link TeamStore} and {@link TeamRecord}. */
public abstract class TeamStoreContract extends ContractSupport {

    @Test
    void team_reads_back_equal() {
        TeamRecord team = new TeamRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "Vertrieb Süd – Großkunden",
                UUID.randomUUID());

        assertThat(teams().insert(team)).isEqualTo(team);
        assertThat(teams().get(TENANT, team.id())).contains(team);
        assertThat(teams().get(OTHER_TENANT, team.id())).isEmpty();
    }

    @Test
    void duplicate_id_or_name_is_refused_and_keeps_the_first() {
        TeamRecord first = teams().insert(team(TENANT, "North"));

        assertThatThrownBy(() -> teams().insert(new TeamRecord(TENANT, first.id(), 1, NOW, NOW, "Other", null)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        TeamRecord sameName = team(TENANT, "North");
        assertThatThrownBy(() -> teams().insert(sameName))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("name"));
        assertThat(teams().get(TENANT, first.id())).contains(first);
        assertThat(teams().get(TENANT, sameName.id())).isEmpty();
        assertThat(teams().insert(team(OTHER_TENANT, "North")).name()).as("names are per tenant").isEqualTo("North");
        assertThat(teams().insert(team(TENANT, "north")).name()).as("names match exactly").isEqualTo("north");
    }

    @Test
    void update_raises_the_version_and_a_stale_one_conflicts() {
        TeamRecord stored = teams().insert(team(TENANT, "South"));
        UUID manager = UUID.randomUUID();
        TeamRecord renamed = new TeamRecord(TENANT, stored.id(), 1, NOW, NOW.plusSeconds(5), "South & East", manager);

        TeamRecord updated = teams().update(renamed, 1);

        assertThat(updated).isEqualTo(new TeamRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(5), "South & East",
                manager));
        assertThatThrownBy(() -> teams().update(stored, 1)).isInstanceOf(ConflictException.class);
        assertThat(teams().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> teams().update(team(TENANT, "Nowhere"), 1)).isInstanceOf(NotFoundException.class);
        TeamRecord other = teams().insert(team(TENANT, "West"));
        assertThatThrownBy(() -> teams().update(new TeamRecord(TENANT, other.id(), 1, NOW, NOW, "South & East", null),
                1)).isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("name"));
        assertThat(teams().get(TENANT, other.id())).contains(other);
    }

    @Test
    void list_pages_through_the_tenants_teams_in_id_order() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(teams().insert(team(TENANT, "Team " + i)).id());
        }
        teams().insert(team(OTHER_TENANT, "Foreign"));

        List<UUID> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<TeamRecord> page = teams().list(TENANT, request);
            page.items().forEach(t -> seen.add(t.id()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(seen).isSortedAccordingTo(Ids.ORDER).containsExactlyInAnyOrderElementsOf(ids);
    }
}
