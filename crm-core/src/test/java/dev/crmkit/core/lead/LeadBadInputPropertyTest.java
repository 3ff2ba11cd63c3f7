package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.lead.LeadRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Garbage thrown at every public method of {@link LeadService} is rejected with a {@link CrmException} subtype,
 * never another runtime error, and a rejected call leaves the leads, their touch points and the outbox as they were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadBadInputPropertyTest {
    private static final String HUGE = "x".repeat(100_000);

    private final LeadFixtures fixtures = new LeadFixtures();
    private final LeadService leads = fixtures.leads();
    private final TeamMember rep = fixtures.rep("rep-1", 3, 50);
    private final UUID lead = leads.capture(LeadFixtures.webFormLead("Hopper")).lead().id();

    record Garbage(String text, String other, UUID id, Integer number) {
    }

    private static Gen<String> nastyStrings() {
        Gen<String> nasty = Generate.pick(Arrays.asList(null, "", " ", "\t\n", HUGE, "\uD800", "a\u0000b", "@",
                "anna@", "anna@example", "+", "12", "+49", "0049abc", "XX", "de", "eur", "EUR", "ZZZ", "-1", "1e9",
                "\uD83D\uDE00", "' OR 1=1 --"));
        return nasty.mix(strings().allPossible().ofLengthBetween(0, 40), 30);
    }

    private Gen<UUID> ids() {
        return Generate.pick(Arrays.asList(null, UUID.randomUUID(), new UUID(0, 0), lead, rep.id()));
    }

    private Gen<Garbage> garbage() {
        return nastyStrings().zip(nastyStrings(), ids(),
                Generate.pick(Arrays.asList(null, -1, 0, 5, Integer.MAX_VALUE, Integer.MIN_VALUE)), Garbage::new);
    }

    private List<Consumer<Garbage>> calls() {
        List<Consumer<Garbage>> calls = new ArrayList<>();
        calls.add(g -> leads.capture(new CaptureLead(LeadSource.WEB_FORM, g.text(), g.other(), g.text(), g.other(),
                g.text(), g.number(), g.other(), g.text(), g.other(), g.text(), g.other(), g.text(), g.other(),
                g.text(), g.other())));
        calls.add(g -> leads.capture(LeadFixtures.webFormLead("Hopper").withEmail(g.text())));
        calls.add(g -> leads.capture(LeadFixtures.webFormLead("Hopper").withPhone(g.text())));
        calls.add(g -> leads.capture(LeadFixtures.webFormLead("Hopper").withLocation(g.text(), g.other(), g.text())));
        calls.add(g -> leads.capture(LeadFixtures.webFormLead("Hopper").withCompany(g.text(), g.other(), g.number())));
        calls.add(g -> leads.capture(null));
        calls.add(g -> leads.captureAll(List.of(LeadFixtures.tradeShowLead("Baker"),
                LeadFixtures.webFormLead("Hopper").withEmail(g.text()).withPhone(g.other()))));
        calls.add(g -> leads.captureAll(Arrays.asList(LeadFixtures.tradeShowLead("Baker"), null)));
        calls.add(g -> leads.captureAll(null));
        calls.add(g -> leads.get(g.id()));
        calls.add(g -> leads.find(g.text() == null ? null : LeadFilter.all(), g.other() == null ? null
                : PageRequest.first(10)));
        calls.add(g -> leads.recordTouchPoint(g.id(), new LeadTouchPoint(Channel.PHONE, Direction.OUTBOUND, g.text(),
                g.other(), g.text(), g.number() == null ? null : Instant.now())));
        calls.add(g -> leads.recordTouchPoint(g.id(), null));
        calls.add(g -> leads.updateDetails(new UpdateLeadDetails(g.id() == null ? lead : g.id(), g.text(), g.other(),
                g.text(), g.other(), g.text(), g.number(), g.other(), g.text(), g.other(), g.text(), g.other())));
        calls.add(g -> leads.updateDetails(UpdateLeadDetails.of(lead).withEmail(g.text()).withPhone(g.other())));
        calls.add(g -> leads.updateDetails(UpdateLeadDetails.of(g.id())));
        calls.add(g -> leads.updateDetails(null));
        calls.add(g -> leads.updateQualification(g.id(), new Qualification(
                g.number() == null ? null : BigDecimal.valueOf(g.number()), g.text(), null, g.other(), null)));
        calls.add(g -> leads.qualify(g.id()));
        calls.add(g -> leads.nurture(g.id()));
        calls.add(g -> leads.disqualify(g.id(), g.text()));
        calls.add(g -> leads.recycle(g.id()));
        calls.add(g -> leads.assign(g.id(), g.id()));
        calls.add(g -> leads.assign(lead, g.id()));
        calls.add(g -> leads.distribute(g.id()));
        calls.add(g -> leads.redistribute(g.id()));
        calls.add(g -> leads.queue(g.id(), g.number() == null ? 0 : g.number()));
        calls.add(g -> leads.convert(new ConvertLead(g.id(), g.id(), g.text(), g.other() == null ? null
                : Money.of(g.other(), "EUR"), g.text() == null ? null : Actor.user(g.text()))));
        calls.add(g -> leads.funnel(g.text() == null ? null : Instant.now(), g.other() == null ? null : Instant.EPOCH));
        calls.add(g -> leads.rescore(g.id()));
        return calls;
    }

    record Snapshot(List<LeadRecord> leads, int touchPoints, long outbox) {
    }

    private Snapshot snapshot() {
        return new Snapshot(fixtures.storage.leads().find(LeadFixtures.TENANT, LeadFilter.all(),
                PageRequest.first(1000)).items(),
                fixtures.storage.interactions().timeline(LeadFixtures.TENANT, lead, TimelineFilter.everything(),
                        PageRequest.first(1000)).items().size(),
                fixtures.storage.outbox().countUndelivered());
    }

    @Test
    void garbage_yields_only_crm_exceptions_and_leaves_storage_unchanged() {
        List<Consumer<Garbage>> calls = calls();
        qt().withExamples(1000).forAll(integers().between(0, calls.size() - 1), garbage()).checkAssert((index, g) -> {
            Snapshot before = snapshot();
            try {
                calls.get(index).accept(g);
            } catch (CrmException rejected) {
                assertThat(snapshot()).as("storage after rejected call %d", index).isEqualTo(before);
                assertThat(rejected.getMessage()).doesNotContain(HUGE.substring(0, 50)).doesNotContain("Hopper");
            }
        });
    }
}
