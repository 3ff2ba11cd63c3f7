package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.spi.lead.LeadRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code LeadStore.openCountsByOwner} against the leads themselves, over generated sequences of writes: inserts
 * (one or a batch), updates to a random owner among three members or none and a random state, and updates with a
 * stale version that must fail. After every sequence each member's count is the number of leads
 * {@code find(tenant, LeadFilter.open().ownedBy(member), ...)} returns.
 */
public abstract class LeadLoadProperties extends ContractSupport {
    private static final int EXAMPLES = 30;
    private static final UUID[] MEMBERS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

    /** A lead in the state and with the owner (index 3: none) that {@code bits} pick. */
    private static LeadRecord shaped(LeadRecord lead, int bits) {
        LeadStatus status = LeadStatus.values()[bits % LeadStatus.values().length];
        LeadRecord inState = switch (status) {
            case DISQUALIFIED -> LeadFixtures.disqualified(lead);
            case CONVERTED -> LeadFixtures.converted(lead);
            default -> LeadFixtures.inState(lead, status);
        };
        int owner = (bits >> 3) % 4;
        return owner == 3 ? inState.withOwner(null, null) : LeadFixtures.ownedBy(inState, MEMBERS[owner]);
    }

    /** Applies one generated write to the storage and to {@code leads}, the stored leads as the model knows them. */
    private void apply(String tenant, List<LeadRecord> leads, int command) {
        int kind = command % 4;
        int bits = command >> 2;
        if (leads.isEmpty() || kind == 0) {
            LeadRecord lead = shaped(LeadFixtures.webFormLead(tenant), bits);
            leads().insert(lead);
            leads.add(lead);
        } else if (kind == 1) {
            List<LeadRecord> batch = List.of(shaped(LeadFixtures.webFormLead(tenant), bits),
                    shaped(LeadFixtures.webFormLead(tenant), bits >> 5));
            leads().insertAll(batch);
            leads.addAll(batch);
        } else {
            int index = (bits >> 10) % leads.size();
            LeadRecord stored = leads.get(index);
            LeadRecord changed = shaped(stored, bits);
            if (kind == 2) {
                leads.set(index, leads().update(changed, stored.version()));
            } else {
                assertThatThrownBy(() -> leads().update(changed, stored.version() + 1))
                        .isInstanceOf(ConflictException.class);
            }
        }
    }

    @Test
    void every_members_open_count_is_the_number_of_open_leads_find_returns_for_them() {
        qt().withExamples(EXAMPLES).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25))
                .checkAssert(commands -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<LeadRecord> leads = new ArrayList<>();
                    commands.forEach(command -> apply(tenant, leads, command));

                    Map<UUID, Integer> counts = leads().openCountsByOwner(tenant, List.of(MEMBERS));
                    for (UUID member : MEMBERS) {
                        int found = leads().find(tenant, LeadFilter.open().ownedBy(member),
                                PageRequest.first(PageRequest.MAX_LIMIT)).items().size();
                        long modelled = leads.stream().filter(l -> l.isOpen() && member.equals(l.ownerId())).count();
                        assertThat(counts.get(member)).as("open leads of a member").isEqualTo(found)
                                .isEqualTo((int) modelled);
                    }
                });
    }
}
