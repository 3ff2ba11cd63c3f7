package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.lead.LeadRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code LeadStore.find} against {@link LeadFilter#matches}, the reference meaning, over generated leads and
 * filters: the same leads, in id order, on every backend, whatever the page size.
 */
public abstract class LeadFilterProperties extends ContractSupport {
    private static final int EXAMPLES = 40;
    private static final UUID[] OWNERS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final LeadSource[] SOURCES = {LeadSource.WEB_FORM, LeadSource.REFERRAL, LeadSource.IMPORT};

    /** A lead drawn from a few shapes (state, owner, source, review flag, creation second), so filters split them. */
    private static LeadRecord lead(String tenant, int shape) {
        LeadRecord lead = LeadFixtures.createdAt(LeadFixtures.webFormLead(tenant),
                NOW.plusSeconds(shape % 5 - 2));
        lead = LeadFixtures.fromSource(lead, SOURCES[(shape >> 3) % SOURCES.length]);
        LeadStatus status = LeadStatus.values()[(shape >> 5) % LeadStatus.values().length];
        lead = switch (status) {
            case DISQUALIFIED -> LeadFixtures.disqualified(lead);
            case CONVERTED -> LeadFixtures.converted(lead);
            default -> LeadFixtures.inState(lead, status);
        };
        int owner = (shape >> 8) % 3;
        if (owner < 2) {
            lead = LeadFixtures.ownedBy(lead, OWNERS[owner]);
        }
        return lead.withMatch(null, (shape >> 10 & 1) == 1);
    }

    private static LeadFilter filter(int bits) {
        LeadFilter filter = LeadFilter.all();
        if ((bits & 1) == 1) {
            filter = filter.withStatuses(EnumSet.of(LeadStatus.values()[(bits >> 1) % 6],
                    LeadStatus.values()[(bits >> 4) % 6]));
        }
        boolean owner = (bits >> 7 & 1) == 1;
        if (owner) {
            filter = filter.ownedBy(OWNERS[bits >> 8 & 1]);
        }
        int assigned = (bits >> 9) % 3;
        if (assigned == 1 || (assigned == 2 && !owner)) {
            filter = filter.assigned(assigned == 1);
        }
        if ((bits >> 11 & 1) == 1) {
            filter = filter.from(SOURCES[(bits >> 12) % SOURCES.length]);
        }
        if ((bits >> 14 & 1) == 1) {
            filter = filter.needingReview((bits >> 15 & 1) == 1);
        }
        Instant from = (bits >> 16 & 1) == 1 ? NOW.plusSeconds((bits >> 17) % 5 - 2) : null;
        Instant before = (bits >> 20 & 1) == 1 ? NOW.plusSeconds((bits >> 21) % 5 - 2) : null;
        return filter.createdBetween(from, before);
    }

    @Test
    void find_returns_exactly_the_leads_the_reference_filter_selects_in_id_order() {
        qt().withExamples(EXAMPLES).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 14),
                        integers().between(0, Integer.MAX_VALUE), integers().between(1, 4))
                .checkAssert((shapes, filterBits, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<LeadRecord> stored = new ArrayList<>();
                    shapes.forEach(shape -> stored.add(lead(tenant, shape)));
                    leads().insertAll(stored);
                    leads().insert(lead(CustomerFixtures.freshTenant(), filterBits));
                    LeadFilter filter = filter(filterBits);
                    List<LeadRecord> expected = stored.stream().filter(filter::matches)
                            .sorted(Comparator.comparing(LeadRecord::id, Ids.ORDER)).toList();

                    List<LeadRecord> found = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (true) {
                        Page<LeadRecord> page = leads().find(tenant, filter, request);
                        found.addAll(page.items());
                        if (page.next().isEmpty()) {
                            break;
                        }
                        request = request.next(page.next().get());
                    }
                    assertThat(found).as(filter.toString()).containsExactlyElementsOf(expected);
                });
    }

    @Test
    void open_counts_and_the_tally_agree_with_the_leads_they_count() {
        qt().withExamples(EXAMPLES).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 14))
                .checkAssert(shapes -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<LeadRecord> stored = new ArrayList<>();
                    shapes.forEach(shape -> stored.add(lead(tenant, shape)));
                    leads().insertAll(stored);

                    for (UUID owner : OWNERS) {
                        long open = stored.stream().filter(l -> l.isOpen() && owner.equals(l.ownerId())).count();
                        assertThat(leads().openCountsByOwner(tenant, List.of(owner)).get(owner))
                                .isEqualTo((int) open);
                    }
                    Instant from = NOW.minusSeconds(1);
                    Instant to = NOW.plusSeconds(2);
                    long inWindow = stored.stream()
                            .filter(l -> !l.createdAt().isBefore(from) && l.createdAt().isBefore(to)).count();
                    assertThat(leads().tally(tenant, from, to).stream().mapToLong(t -> t.count()).sum())
                            .isEqualTo(inWindow);
                    for (var tally : leads().tally(tenant, from, to)) {
                        assertThat(tally.count()).isEqualTo(stored.stream().filter(l -> l.attribution().source()
                                == tally.source() && l.status() == tally.status() && !l.createdAt().isBefore(from)
                                && l.createdAt().isBefore(to)).count());
                    }
                });
    }
}
