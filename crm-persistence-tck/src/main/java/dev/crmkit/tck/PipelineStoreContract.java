package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.OpportunityFixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.PipelineStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link PipelineStore} and {@link PipelineRecord}. */
public abstract class PipelineStoreContract extends ContractSupport {

    @Test
    void pipeline_reads_back_equal_with_its_stages_in_order() {
        PipelineRecord pipeline = pipeline(TENANT, "Neukunden – Süd");

        assertThat(pipelines().insert(pipeline)).isEqualTo(pipeline);
        assertThat(pipelines().get(TENANT, pipeline.id())).contains(pipeline);
        assertThat(pipelines().findByName(TENANT, "Neukunden – Süd")).contains(pipeline);
        assertThat(pipelines().findByName(TENANT, "neukunden – süd")).as("names match exactly").isEmpty();
        assertThat(pipelines().get(OTHER_TENANT, pipeline.id())).isEmpty();
        assertThat(pipelines().findByName(OTHER_TENANT, "Neukunden – Süd")).isEmpty();
    }

    @Test
    void duplicate_id_or_name_is_refused_and_keeps_the_first() {
        PipelineRecord first = pipelines().insert(pipeline(TENANT, "Sales"));
        PipelineRecord sameId = new PipelineRecord(TENANT, first.id(), 1, NOW, NOW, "Other", first.stages(),
                ReopenRule.never());
        PipelineRecord sameName = pipeline(TENANT, "Sales");

        assertThatThrownBy(() -> pipelines().insert(sameId))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> pipelines().insert(sameName))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("name"));
        assertThat(pipelines().get(TENANT, first.id())).contains(first);
        assertThat(pipelines().get(TENANT, sameName.id())).isEmpty();
        assertThat(pipelines().insert(pipeline(OTHER_TENANT, "Sales")).name()).as("names are per tenant")
                .isEqualTo("Sales");
    }

    @Test
    void update_replaces_the_stages_raises_the_version_and_a_stale_one_conflicts() {
        PipelineRecord stored = pipelines().insert(pipeline(TENANT, "Renewals"));
        List<PipelineStage> stages = new ArrayList<>(stored.stages());
        stages.add(0, PipelineStage.open("discovery", "Discovery", 5, ForecastCategory.OMITTED, 7));
        stages.remove(2);
        PipelineRecord changed = new PipelineRecord(TENANT, stored.id(), 1, NOW, NOW.plusSeconds(5), "Renewals 2027",
                stages, ReopenRule.always());

        PipelineRecord updated = pipelines().update(changed, 1);

        assertThat(updated).isEqualTo(new PipelineRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(5),
                "Renewals 2027", stages, ReopenRule.always()));
        assertThat(pipelines().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> pipelines().update(stored, 1)).isInstanceOf(ConflictException.class);
        assertThat(pipelines().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> pipelines().update(pipeline(TENANT, "Nowhere"), 1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pipelines().update(new PipelineRecord(OTHER_TENANT, stored.id(), 2, NOW, NOW,
                "Foreign", stages, ReopenRule.never()), 2)).as("another tenant's id is not found")
                .isInstanceOf(NotFoundException.class);
        PipelineRecord other = pipelines().insert(pipeline(TENANT, "Upsell"));
        assertThatThrownBy(() -> pipelines().update(new PipelineRecord(TENANT, other.id(), 1, NOW, NOW,
                "Renewals 2027", other.stages(), ReopenRule.never()), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("name"));
        assertThat(pipelines().get(TENANT, other.id())).contains(other);
    }

    @Test
    void list_pages_through_the_tenants_pipelines_in_id_order() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(pipelines().insert(pipeline(TENANT, "Pipeline " + i)).id());
        }
        pipelines().insert(pipeline(OTHER_TENANT, "Foreign"));

        List<UUID> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<PipelineRecord> page = pipelines().list(TENANT, request);
            page.items().forEach(p -> seen.add(p.id()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(seen).isSortedAccordingTo(Ids.ORDER).containsExactlyInAnyOrderElementsOf(ids);
    }
}
