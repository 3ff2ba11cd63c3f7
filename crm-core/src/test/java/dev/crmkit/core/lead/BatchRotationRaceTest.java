package dev.crmkit.core.lead;

import static dev.crmkit.core.lead.LeadFixtures.tradeShowLead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadModelStore;
import dev.crmkit.spi.lead.LeadRotationRecord;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A batch whose pool another node distributes between the batch's read of the rotation and its save: the real
 * in-memory storage, with "the other node" saving the rotation just before the batch's own saves.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchRotationRaceTest {
    private final InMemoryStorage real = new InMemoryStorage();
    private final AtomicInteger racesLeft = new AtomicInteger();
    private final AtomicInteger saves = new AtomicInteger();
    private TeamMember otherNodesChoice;

    /** The storage, with another node's assignment slipped in before the next {@code racesLeft} rotation saves. */
    private Storage racing() {
        LeadStore leads = (LeadStore) Proxy.newProxyInstance(LeadStore.class.getClassLoader(),
                new Class<?>[] {LeadStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("saveRotation")) {
                        saves.incrementAndGet();
                        if (racesLeft.getAndDecrement() > 0) {
                            LeadRotationRecord mine = (LeadRotationRecord) args[0];
                            long stored = real.leads().rotation(mine.tenantId(), mine.pool())
                                    .map(LeadRotationRecord::version).orElse(0L);
                            real.leads().saveRotation(new LeadRotationRecord(mine.tenantId(), mine.pool(),
                                    otherNodesChoice.id(), 1), stored);
                        }
                    }
                    try {
                        return method.invoke(real.leads(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("capability") && args[0] == LeadStorage.class) {
                        return Optional.of(new LeadStorage() {
                            @Override
                            public LeadStore leads() {
                                return leads;
                            }

                            @Override
                            public LeadModelStore leadModels() {
                                return real.leadModels();
                            }
                        });
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private final LeadService leads = Crm.builder().storage(racing()).defaultPhoneRegion("DE")
            .module(LeadModule.builder().settings(LeadSettings.defaults()).build()).build().tenant(LeadFixtures.TENANT).service(LeadService.class);
    private final List<TeamMember> reps = addReps();

    private List<TeamMember> addReps() {
        var teams = Crm.builder().storage(real).build().tenant(LeadFixtures.TENANT).service(TeamService.class);
        List<TeamMember> added = List.of(teams.add(MemberDetails.of("ann", "Ann", TeamRole.SALES_REP)),
                teams.add(MemberDetails.of("bob", "Bob", TeamRole.SALES_REP)),
                teams.add(MemberDetails.of("cem", "Cem", TeamRole.SALES_REP)));
        otherNodesChoice = added.get(0);
        return added;
    }

    @Test
    void the_batch_is_decided_again_and_goes_on_from_the_other_nodes_choice() {
        racesLeft.set(1);

        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("A"), tradeShowLead("B"),
                tradeShowLead("C")));

        assertThat(saves).as("one lost save, one that held").hasValue(2);
        List<UUID> owners = results.stream().map(r -> r.lead().ownerId()).toList();
        assertThat(owners).as("round robin after ann, the other node's last choice")
                .containsExactly(reps.get(1).id(), reps.get(2).id(), reps.get(0).id());
        assertThat(real.leads().rotation(LeadFixtures.TENANT, "tenant")).get()
                .satisfies(r -> assertThat(r.lastMemberId()).isEqualTo(reps.get(0).id()));
    }

    @Test
    void a_batch_that_keeps_losing_the_race_is_stored_unassigned() {
        racesLeft.set(Integer.MAX_VALUE);

        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("A"), tradeShowLead("B")));

        assertThat(saves).as("the attempts that distribute").hasValue(2);
        assertThat(results).extracting(CaptureResult::outcome).containsOnly(CaptureOutcome.CREATED);
        assertThat(results).allSatisfy(r -> assertThat(r.lead().ownerId()).isNull());
        assertThat(leads.find(LeadFilter.open(), PageRequest.first(10)).items()).hasSize(2)
                .allSatisfy(l -> assertThat(l.ownerId()).isNull());
    }
}
