package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.OpportunityFixtures.change;
import static dev.crmkit.tck.OpportunityFixtures.deal;
import static dev.crmkit.tck.OpportunityFixtures.full;
import static dev.crmkit.tck.OpportunityFixtures.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ContactRole;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.LineItemRecord;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStore;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link OpportunityStore} (apart from the reports) and {@link OpportunityRecord}. */
public abstract class OpportunityStoreContract extends ContractSupport {
    private final UUID pipeline = UUID.randomUUID();

    private OpportunityStore deals() {
        return opportunities();
    }

    private List<OpportunityRecord> all(String tenant, OpportunityFilter filter, int pageSize) {
        List<OpportunityRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<OpportunityRecord> page = deals().find(tenant, filter, request);
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void deal_reads_back_equal_with_line_items_in_order_contacts_and_competitors() {
        OpportunityRecord deal = full(TENANT, pipeline);

        assertThat(deals().insert(deal)).isEqualTo(deal);

        OpportunityRecord read = deals().get(TENANT, deal.id()).orElseThrow();
        assertThat(read).isEqualTo(deal);
        assertThat(read.amount()).isEqualTo(new BigDecimal("1234.5000"));
        assertThat(read.lineItems()).extracting(LineItemRecord::productRef).containsExactly("sku-2", "sku-1");
        assertThat(deals().get(OTHER_TENANT, deal.id())).isEmpty();
        assertThat(deals().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    private static OpportunityRecord ofCustomer(OpportunityRecord o, UUID customerId) {
        return new OpportunityRecord(o.tenantId(), o.id(), o.version(), o.createdAt(), o.updatedAt(), o.name(),
                customerId, o.pipelineId(), o.stageKey(), o.status(), o.amount(), o.currency(), o.probability(),
                o.forecastCategory(), o.expectedCloseDate(), o.ownerId(), o.lineItems(), o.contacts(),
                o.competitors(), o.sourceLeadId(), o.leadSource(), o.stageEnteredAt(), o.closedAt(), o.closeReason());
    }

    @Test
    void move_all_moves_the_customers_deals_whole_at_the_next_version_and_nothing_else() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        OpportunityRecord full = deals().insert(ofCustomer(full(TENANT, pipeline), merged));
        OpportunityRecord plain = deals().insert(ofCustomer(deal(TENANT, pipeline), merged));
        OpportunityRecord survivors = deals().insert(ofCustomer(deal(TENANT, pipeline), survivor));
        OpportunityRecord otherTenant = deals().insert(ofCustomer(deal(OTHER_TENANT, pipeline), merged));
        deals().appendStageChange(change(TENANT, full.id(), "prospecting", "proposal", NOW.plusSeconds(5)));
        Instant later = NOW.plusSeconds(120);

        assertThat(deals().moveAll(TENANT, merged, survivor, later)).isEqualTo(2);

        for (OpportunityRecord before : List.of(full, plain)) {
            OpportunityRecord after = deals().get(TENANT, before.id()).orElseThrow();
            assertThat(after.customerId()).isEqualTo(survivor);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.updatedAt()).isEqualTo(later);
            assertThat(after.lineItems()).isEqualTo(before.lineItems());
            assertThat(after.contacts()).isEqualTo(before.contacts());
            assertThat(after.competitors()).isEqualTo(before.competitors());
        }
        assertThat(deals().stageHistory(TENANT, full.id())).hasSize(1);
        assertThat(deals().get(TENANT, survivors.id())).contains(survivors);
        assertThat(deals().get(OTHER_TENANT, otherTenant.id())).contains(otherTenant);
        assertThat(all(TENANT, OpportunityFilter.all().ofCustomer(merged), 10)).isEmpty();
        assertThat(all(TENANT, OpportunityFilter.all().ofCustomer(survivor), 10)).hasSize(3);
        assertThat(deals().moveAll(TENANT, merged, survivor, later)).isZero();
        assertThatThrownBy(() -> deals().moveAll("bad tenant", survivor, merged, later))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tenantId"));
        assertThatThrownBy(() -> deals().moveAll(TENANT, null, merged, later))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("fromCustomerId"));
        assertThatThrownBy(() -> deals().moveAll(TENANT, survivor, null, later))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toCustomerId"));
        assertThatThrownBy(() -> deals().moveAll(TENANT, survivor, merged, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("now"));
        assertThat(all(TENANT, OpportunityFilter.all().ofCustomer(survivor), 10)).hasSize(3);
    }

    private static OpportunityRecord withContacts(OpportunityRecord o, Set<OpportunityContact> contacts) {
        return new OpportunityRecord(o.tenantId(), o.id(), o.version(), o.createdAt(), o.updatedAt(), o.name(),
                o.customerId(), o.pipelineId(), o.stageKey(), o.status(), o.amount(), o.currency(), o.probability(),
                o.forecastCategory(), o.expectedCloseDate(), o.ownerId(), o.lineItems(), contacts, o.competitors(),
                o.sourceLeadId(), o.leadSource(), o.stageEnteredAt(), o.closedAt(), o.closeReason());
    }

    @Test
    void move_all_moves_the_persons_contact_roles_dropping_those_the_survivor_holds_each_deal_once() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        OpportunityRecord elsewhere = deals().insert(withContacts(deal(TENANT, pipeline), Set.of(
                new OpportunityContact(merged, ContactRole.CHAMPION), new OpportunityContact(survivor,
                        ContactRole.CHAMPION), new OpportunityContact(merged, ContactRole.ECONOMIC_BUYER),
                new OpportunityContact(someoneElse, ContactRole.TECHNICAL_BUYER))));
        OpportunityRecord own = deals().insert(withContacts(ofCustomer(deal(TENANT, pipeline), merged),
                Set.of(new OpportunityContact(merged, ContactRole.CHAMPION))));
        OpportunityRecord survivorsOwn = deals().insert(withContacts(ofCustomer(deal(TENANT, pipeline), survivor),
                Set.of(new OpportunityContact(merged, ContactRole.TECHNICAL_BUYER))));
        OpportunityRecord untouched = deals().insert(withContacts(deal(TENANT, pipeline),
                Set.of(new OpportunityContact(someoneElse, ContactRole.CHAMPION))));
        Instant later = NOW.plusSeconds(120);

        assertThat(deals().moveAll(TENANT, merged, survivor, later)).isEqualTo(3);

        assertThat(deals().get(TENANT, elsewhere.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.contacts()).containsExactlyInAnyOrder(new OpportunityContact(survivor, ContactRole.CHAMPION),
                    new OpportunityContact(survivor, ContactRole.ECONOMIC_BUYER),
                    new OpportunityContact(someoneElse, ContactRole.TECHNICAL_BUYER));
            assertThat(d.customerId()).isEqualTo(elsewhere.customerId());
            assertThat(d.version()).isEqualTo(elsewhere.version() + 1);
        });
        assertThat(deals().get(TENANT, own.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.customerId()).isEqualTo(survivor);
            assertThat(d.contacts()).containsExactly(new OpportunityContact(survivor, ContactRole.CHAMPION));
            assertThat(d.version()).as("changed once").isEqualTo(own.version() + 1);
        });
        assertThat(deals().get(TENANT, survivorsOwn.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.contacts()).containsExactly(new OpportunityContact(survivor, ContactRole.TECHNICAL_BUYER));
            assertThat(d.version()).isEqualTo(survivorsOwn.version() + 1);
            assertThat(d.updatedAt()).isEqualTo(later);
        });
        assertThat(deals().get(TENANT, untouched.id())).contains(untouched);
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        OpportunityRecord first = deals().insert(full(TENANT, pipeline));
        OpportunityRecord same = new OpportunityRecord(TENANT, first.id(), 1, NOW, NOW, "Other", UUID.randomUUID(),
                pipeline, "proposal", StageOutcome.OPEN, null, null, 5, first.forecastCategory(), null, null,
                List.of(), Set.of(), Set.of("Other Co"), null, null, NOW, null, null);

        assertThatThrownBy(() -> deals().insert(same))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(deals().get(TENANT, first.id())).contains(first);
        OpportunityRecord foreign = new OpportunityRecord(OTHER_TENANT, first.id(), 1, NOW, NOW, "Foreign",
                UUID.randomUUID(), pipeline, "proposal", StageOutcome.OPEN, null, null, 5, first.forecastCategory(),
                null, null, List.of(), Set.of(), Set.of(), null, null, NOW, null, null);
        assertThat(deals().insert(foreign)).as("ids are per tenant").isEqualTo(foreign);
        assertThatThrownBy(() -> deals().insert(moved(first, "won", StageOutcome.WON, NOW)))
                .isInstanceOf(DuplicateException.class);
    }

    @Test
    void insert_refuses_a_version_other_than_one() {
        OpportunityRecord deal = deal(TENANT, pipeline);
        OpportunityRecord atTwo = new OpportunityRecord(TENANT, deal.id(), 2, NOW, NOW, deal.name(), deal.customerId(),
                pipeline, deal.stageKey(), deal.status(), null, null, 10, deal.forecastCategory(), null, null,
                List.of(), Set.of(), Set.of(), null, null, NOW, null, null);

        assertThatThrownBy(() -> deals().insert(atTwo)).isInstanceOf(ValidationException.class);
        assertThat(deals().get(TENANT, deal.id())).isEmpty();
    }

    @Test
    void lock_of_a_missing_deal_or_another_tenants_throws_not_found_and_leaves_a_deal_as_stored() {
        OpportunityRecord theirs = deals().insert(deal(OTHER_TENANT, pipeline));
        OpportunityRecord mine = deals().insert(full(TENANT, pipeline));

        assertThatThrownBy(() -> deals().lock(TENANT, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> deals().lock(TENANT, theirs.id())).isInstanceOf(NotFoundException.class);
        storage().transactions().run(() -> deals().lock(TENANT, mine.id()));
        assertThat(deals().get(TENANT, mine.id())).contains(mine);
    }

    @Test
    void a_second_unit_locking_a_deal_waits_until_the_first_committed_and_reads_its_change() throws Exception {
        OpportunityRecord stored = deals().insert(deal(TENANT, pipeline));

        RowLockCheck.secondUnitWaitsForTheFirst(storage().transactions(),
                () -> deals().lock(TENANT, stored.id()),
                () -> deals().update(moved(stored, "x", StageOutcome.OPEN, NOW), 1),
                () -> deals().get(TENANT, stored.id()).orElseThrow().version());
    }

    @Test
    void update_replaces_children_raises_the_version_and_a_stale_one_conflicts() {
        OpportunityRecord stored = deals().insert(full(TENANT, pipeline));
        OpportunityContact buyer = new OpportunityContact(UUID.randomUUID(), ContactRole.DECISION_MAKER);
        OpportunityRecord changed = new OpportunityRecord(TENANT, stored.id(), 1, NOW.minusSeconds(60),
                NOW.plusSeconds(9), "Renamed", stored.customerId(), pipeline, "won", StageOutcome.WON,
                new BigDecimal("99.99"), "USD", 100, stored.forecastCategory(), null, null,
                List.of(new LineItemRecord("sku-9", BigDecimal.ONE, new BigDecimal("99.99"), BigDecimal.ZERO)),
                Set.of(buyer), Set.of(), null, null, NOW.plusSeconds(9), NOW.plusSeconds(9), "signed");

        OpportunityRecord updated = deals().update(changed, 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).as("createdAt stays as stored").isEqualTo(NOW);
        assertThat(updated.lineItems()).isEqualTo(changed.lineItems());
        assertThat(updated.contacts()).containsExactly(buyer);
        assertThat(updated.competitors()).isEmpty();
        assertThat(updated.closeReason()).isEqualTo("signed");
        assertThat(deals().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> deals().update(stored, 1)).isInstanceOf(ConflictException.class);
        assertThat(deals().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> deals().update(deal(TENANT, pipeline), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> deals().update(moved(deal(OTHER_TENANT, pipeline), "x", StageOutcome.OPEN, NOW), 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void find_pages_through_the_selected_deals_in_id_order_within_the_tenant() {
        UUID owner = UUID.randomUUID();
        List<OpportunityRecord> owned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            OpportunityRecord d = deal(TENANT, pipeline);
            owned.add(deals().insert(new OpportunityRecord(TENANT, d.id(), 1, NOW, NOW, d.name(), d.customerId(),
                    pipeline, i % 2 == 0 ? "prospecting" : "proposal", d.status(), null, null, 10,
                    d.forecastCategory(), null, owner, List.of(), Set.of(), Set.of(), null, null, NOW, null, null)));
        }
        deals().insert(deal(TENANT, pipeline));
        deals().insert(deal(OTHER_TENANT, pipeline));

        assertThat(all(TENANT, OpportunityFilter.all(), 2)).hasSize(6)
                .isSortedAccordingTo((a, b) -> Ids.ORDER.compare(a.id(), b.id()));
        assertThat(all(TENANT, OpportunityFilter.all().ownedBy(owner), 2)).containsExactlyInAnyOrderElementsOf(owned)
                .isSortedAccordingTo((a, b) -> Ids.ORDER.compare(a.id(), b.id()));
        assertThat(all(TENANT, OpportunityFilter.all().ownedBy(owner).inStage("proposal"), 1)).hasSize(2);
        assertThat(all(TENANT, OpportunityFilter.all().ofCustomer(owned.get(0).customerId()), 3))
                .containsExactly(owned.get(0));
        assertThat(all(TENANT, OpportunityFilter.all().withStatuses(Set.of(StageOutcome.WON)), 3)).isEmpty();
        assertThat(all(OTHER_TENANT, OpportunityFilter.all().inPipeline(pipeline), 3)).hasSize(1);
    }

    @Test
    void stage_history_is_appended_and_read_oldest_first_per_deal() {
        UUID deal = UUID.randomUUID();
        StageChangeRecord opened = change(TENANT, deal, null, "prospecting", NOW);
        StageChangeRecord later = change(TENANT, deal, "proposal", "won", NOW.plusSeconds(120));
        StageChangeRecord moved = change(TENANT, deal, "prospecting", "proposal", NOW.plusSeconds(60));
        deals().appendStageChange(later);
        deals().appendStageChange(opened);
        deals().appendStageChange(moved);
        deals().appendStageChange(change(TENANT, UUID.randomUUID(), null, "prospecting", NOW));
        deals().appendStageChange(change(OTHER_TENANT, deal, null, "lost", NOW));

        assertThat(deals().stageHistory(TENANT, deal)).containsExactly(opened, moved, later);
        assertThat(deals().stageHistory(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(deals().stageHistory(OTHER_TENANT, deal)).extracting(StageChangeRecord::toStage)
                .containsExactly("lost");
        assertThatThrownBy(() -> deals().appendStageChange(new StageChangeRecord(TENANT, opened.id(), deal, null,
                "proposal", NOW, "user:bo"))).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(deals().stageHistory(TENANT, deal)).hasSize(3);
    }

    @Test
    void entries_at_the_same_instant_come_in_id_order() {
        UUID deal = UUID.randomUUID();
        List<StageChangeRecord> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(deals().appendStageChange(change(TENANT, deal, "a", "b" + i, NOW)));
        }
        entries.sort((a, b) -> Ids.ORDER.compare(a.id(), b.id()));

        assertThat(deals().stageHistory(TENANT, deal)).containsExactlyElementsOf(entries);
    }
}
