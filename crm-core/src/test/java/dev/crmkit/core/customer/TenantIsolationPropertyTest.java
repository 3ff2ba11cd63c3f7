package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Random operations through two tenant handles on one storage never cross the tenant boundary. */
class TenantIsolationPropertyTest {

    /** One step: which tenant acts, what it does, and a number to pick names and targets with. */
    record Step(int tenant, int action, int seed) {
    }

    private static Gen<Step> steps() {
        return integers().between(0, 1).zip(integers().between(0, 6), integers().between(0, 20), Step::new);
    }

    @Test
    void a_tenant_never_sees_or_changes_another_tenants_customers() {
        qt().withExamples(60).forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(this::runSteps);
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    private void runSteps(List<Step> steps) {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).defaultPhoneRegion("DE")
                .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.WARN).build()).build();
        List<CustomerService> tenants = List.of(crm.tenant("acme").service(CustomerService.class), crm.tenant("globex").service(CustomerService.class));
        List<List<UUID>> owned = List.of(new ArrayList<>(), new ArrayList<>());

        for (Step step : steps) {
            CustomerService self = tenants.get(step.tenant());
            CustomerService other = tenants.get(1 - step.tenant());
            List<UUID> mine = owned.get(step.tenant());
            List<UUID> theirs = owned.get(1 - step.tenant());
            UUID target = theirs.isEmpty() ? null : theirs.get(step.seed() % theirs.size());
            switch (step.action()) {
                case 0 -> {
                    // the same e-mail in both tenants must not make a duplicate across them
                    RegistrationResult result = self.register(RegisterPerson.named("Kim", "Seed" + step.seed())
                            .withEmail("kim" + step.seed() + "@example.com"));
                    assertThat(mine).containsAll(result.duplicates().stream().map(DuplicateCandidate::customerId).toList());
                    mine.add(result.customer().id());
                }
                case 1 -> {
                    if (target != null) {
                        assertThatThrownBy(() -> self.get(target)).isInstanceOf(NotFoundException.class);
                    }
                }
                case 2 -> {
                    if (target != null) {
                        Customer before = other.get(target);
                        assertThatThrownBy(() -> self.tag(target, "stolen")).isInstanceOf(NotFoundException.class);
                        assertThatThrownBy(() -> self.changeStage(target, LifecycleStage.CUSTOMER))
                                .isInstanceOf(NotFoundException.class);
                        assertThat(other.get(target)).isEqualTo(before);
                    }
                }
                case 3 -> {
                    if (target != null && !mine.isEmpty()) {
                        assertThatThrownBy(() -> self.merge(mine.get(0), target, Actor.user("u")))
                                .isInstanceOf(NotFoundException.class);
                        assertThatThrownBy(() -> self.merge(target, mine.get(0), Actor.user("u")))
                                .isInstanceOf(NotFoundException.class);
                    }
                }
                case 4 -> {
                    if (!mine.isEmpty()) {
                        self.tag(mine.get(step.seed() % mine.size()), "seen-by-owner");
                    }
                }
                case 5 -> {
                    self.findDuplicateGroups().forEach(g -> assertThat(mine).containsAll(g.customerIds()));
                    self.duplicateGroups(dev.crmkit.model.PageRequest.first(1000)).items()
                            .forEach(g -> assertThat(mine).containsAll(g.customerIds()));
                }
                default -> {
                    if (mine.size() >= 2) {
                        UUID survivor = mine.get(0);
                        UUID merged = mine.remove(mine.size() - 1);
                        self.merge(survivor, merged, Actor.user("clerk"));
                    }
                }
            }
        }
        for (int t = 0; t < 2; t++) {
            assertThat(allIds(tenants.get(t))).isEqualTo(new HashSet<>(owned.get(t)));
        }
    }

    private static Set<UUID> allIds(CustomerService customers) {
        Set<UUID> ids = new HashSet<>();
        PageRequest request = PageRequest.first(7);
        while (true) {
            var page = customers.find(CustomerCriterion.all(), request);
            page.items().forEach(c -> ids.add(c.id()));
            if (!page.hasNext()) {
                return ids;
            }
            request = request.next(page.next().orElseThrow());
        }
    }
}
