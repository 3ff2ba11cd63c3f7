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
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.lead.LeadModelStore;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Another node captures the same keyed submission while this node's capture is under way: the real in-memory
 * storage, with "the other node" (which distributes nothing, so only the keys race) running the same command right
 * after a chosen step of this node's capture. Whatever the step, this node replays the other node's lead, stores
 * nothing of its own, and leaves round robin where it was. {@link CaptureOnTwoNodesTest} races real nodes on
 * PostgreSQL and MariaDB; this test makes each interleaving happen every time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CaptureRaceTest {
    private final InMemoryStorage real = new InMemoryStorage();
    private final LeadService otherNode = Crm.builder().storage(real).defaultPhoneRegion("DE")
            .module(LeadModule.builder().settings(LeadSettings.defaults().withDistribution(null)).build()).build()
            .tenant(LeadFixtures.TENANT).service(LeadService.class);
    private String raceAfter;
    private Runnable race;

    private final LeadService thisNode = Crm.builder().storage(racing()).defaultPhoneRegion("DE")
            .module(LeadModule.builder().settings(LeadSettings.defaults()).build()).build().tenant(LeadFixtures.TENANT)
            .service(LeadService.class);
    private final List<TeamMember> reps = addReps();

    private List<TeamMember> addReps() {
        TeamService team = Crm.builder().storage(real).build().tenant(LeadFixtures.TENANT).service(TeamService.class);
        return List.of(team.add(MemberDetails.of("ann", "Ann", TeamRole.SALES_REP)),
                team.add(MemberDetails.of("bob", "Bob", TeamRole.SALES_REP)));
    }

    @Test
    void a_lead_the_other_node_stored_after_the_key_lookups_is_replayed_not_merged_into() {
        CaptureLead post = LeadFixtures.webFormLead("Hopper").withIdempotencyKey("form-post-1");
        CaptureResult[] theirs = new CaptureResult[1];
        raceAfter("findAll", () -> theirs[0] = otherNode.capture(post));

        CaptureResult mine = thisNode.capture(post);

        assertThat(mine.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(mine.lead().id()).isEqualTo(theirs[0].lead().id());
        assertThat(touchPointsOf(mine)).as("no resubmission recorded").isZero();
        assertThat(storedLeads()).isEqualTo(1);
    }

    @Test
    void a_lead_the_other_node_stored_before_this_nodes_insert_is_replayed_and_round_robin_skips_nobody() {
        CaptureLead post = LeadFixtures.webFormLead("Hopper").withIdempotencyKey("form-post-2");
        CaptureResult[] theirs = new CaptureResult[1];
        raceAfter("saveRotation", () -> theirs[0] = otherNode.capture(post));

        CaptureResult mine = thisNode.capture(post);
        Lead next = thisNode.capture(tradeShowLead("Baker")).lead();

        assertThat(mine.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(mine.lead().id()).isEqualTo(theirs[0].lead().id());
        assertThat(mine.lead().ownerId()).as("as the other node stored it").isNull();
        assertThat(storedLeads()).isEqualTo(2);
        assertThat(next.ownerId()).as("round robin starts where it stood, with the first rep")
                .isEqualTo(reps.get(0).id());
    }

    @Test
    void a_resubmission_the_other_node_merged_meanwhile_is_replayed_and_recorded_once() {
        Lead open = otherNode.capture(tradeShowLead("Baker")).lead();
        CaptureLead resubmission = CaptureLead.from(LeadSource.EVENT).withEmail("baker@gmail.com")
                .withJobTitle("Owner").withIdempotencyKey("resubmission-1");
        CaptureResult[] theirs = new CaptureResult[1];
        raceAfter("findAll", () -> theirs[0] = otherNode.capture(resubmission));

        CaptureResult mine = thisNode.capture(resubmission);

        assertThat(theirs[0].outcome()).isEqualTo(CaptureOutcome.MERGED);
        assertThat(mine.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(mine.lead().id()).isEqualTo(open.id());
        assertThat(touchPointsOf(mine)).as("one resubmission").isEqualTo(1);
    }

    private void raceAfter(String method, Runnable otherNodesCapture) {
        raceAfter = method;
        race = otherNodesCapture;
    }

    private long storedLeads() {
        return real.leads().find(LeadFixtures.TENANT, LeadFilter.all(), PageRequest.first(10)).items().size();
    }

    private int touchPointsOf(CaptureResult result) {
        return real.interactions().timeline(LeadFixtures.TENANT, result.lead().id(), TimelineFilter.everything(),
                PageRequest.first(10)).items().size();
    }

    /** The storage, running {@link #race} (once) right after this node's next call of {@link #raceAfter}. */
    private Storage racing() {
        LeadStore leads = racing(LeadStore.class, real.leads());
        IdempotencyStore keys = racing(IdempotencyStore.class, real.idempotency());
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
                    if (method.getName().equals("idempotency")) {
                        return keys;
                    }
                    return forward(method, real, args);
                });
    }

    @SuppressWarnings("unchecked")
    private <T> T racing(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result = forward(method, target, args);
            if (method.getName().equals(raceAfter) && race != null) {
                Runnable now = race;
                race = null;
                now.run();
            }
            return result;
        });
    }

    private static Object forward(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
