package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code OpportunityStore.find} against {@link OpportunityFilter#matches}, the reference meaning, over generated
 * deals and filters: the same deals, in id order, through pages of any size, on every backend.
 */
public abstract class OpportunityFilterProperties extends ContractSupport {
    private static final UUID[] CUSTOMERS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final UUID[] OWNERS = {null, UUID.randomUUID(), UUID.randomUUID()};
    private static final UUID[] PIPELINES = {UUID.randomUUID(), UUID.randomUUID()};
    private static final String[] STAGES = {"prospecting", "proposal"};

    private static OpportunityRecord deal(String tenant, int shape) {
        StageOutcome status = StageOutcome.values()[shape % 3];
        boolean open = status == StageOutcome.OPEN;
        String stage = open ? STAGES[shape / 3 % 2] : status.name().toLowerCase();
        return new OpportunityRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, "Deal", CUSTOMERS[shape / 6 % 2],
                PIPELINES[shape / 12 % 2], stage, status, null, null, 10, ForecastCategory.PIPELINE, null,
                OWNERS[shape / 24 % 3], List.of(), Set.of(), Set.of(), null, null, NOW, open ? null : NOW, null);
    }

    private static OpportunityFilter filter(int bits) {
        OpportunityFilter filter = OpportunityFilter.all();
        if ((bits & 1) == 1) {
            filter = filter.ofCustomer(CUSTOMERS[bits >> 1 & 1]);
        }
        if ((bits >> 2 & 1) == 1) {
            filter = filter.ownedBy(OWNERS[1 + (bits >> 3 & 1)]);
        }
        if ((bits >> 4 & 1) == 1) {
            filter = filter.inPipeline(PIPELINES[bits >> 5 & 1]);
        }
        if ((bits >> 6 & 1) == 1) {
            filter = filter.inStage((bits >> 7 & 1) == 0 ? STAGES[bits >> 8 & 1] : "won");
        }
        if ((bits >> 9 & 1) == 1) {
            filter = filter.withStatuses(EnumSet.of(StageOutcome.values()[(bits >> 10) % 3], StageOutcome.LOST));
        }
        return filter;
    }

    @Test
    void find_returns_exactly_the_deals_the_reference_filter_selects_in_id_order() {
        qt().withExamples(40).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 15),
                        integers().between(0, Integer.MAX_VALUE), integers().between(1, 4))
                .checkAssert((shapes, filterBits, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<OpportunityRecord> stored = new ArrayList<>();
                    for (int shape : shapes) {
                        stored.add(opportunities().insert(deal(tenant, shape)));
                    }
                    OpportunityFilter filter = filter(filterBits);
                    List<OpportunityRecord> expected = stored.stream().filter(filter::matches)
                            .sorted(Comparator.comparing(OpportunityRecord::id, Ids.ORDER)).toList();

                    List<OpportunityRecord> found = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (true) {
                        Page<OpportunityRecord> page = opportunities().find(tenant, filter, request);
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
