package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PredictiveModelTest {
    private static final Instant NOW = LeadFixtures.START;

    private static LeadFacts facts(String industry, String country, LeadSource source) {
        return new LeadFacts(new LeadDetails("A", "B", "Firm", null, industry, 100, null, null, country, null, null),
                LeadAttribution.of(source), Qualification.unknown(), LeadStatus.NEW, List.of(), NOW, NOW);
    }

    /**
     * A history where software leads convert 80% of the time and retail leads 20%, the country says nothing, and
     * the held-out leads are drawn the same way.
     */
    @Test
    void the_model_learns_which_attributes_convert_and_ranks_held_out_leads_by_them() {
        Random random = new Random(42);
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        for (int i = 0; i < 400; i++) {
            boolean software = random.nextBoolean();
            String country = random.nextBoolean() ? "DE" : "FR";
            trainer.add(facts(software ? "software" : "retail", country, LeadSource.WEB_FORM),
                    random.nextDouble() < (software ? 0.8 : 0.2));
        }
        NaiveBayesLeadModel model = trainer.build();

        List<ScoreFactor> software = model.score(facts("software", "DE", LeadSource.WEB_FORM));
        assertThat(software).filteredOn(f -> f.code().equals("predictive.industry")).singleElement()
                .satisfies(f -> assertThat(f.points()).isBetween(10, 18)); // 10 * ln(0.8 / 0.2) = 13.9
        assertThat(software).filteredOn(f -> f.code().equals("predictive.country")).allSatisfy(
                f -> assertThat(Math.abs(f.points())).isLessThanOrEqualTo(3));
        assertThat(model.score(facts("software", "DE", LeadSource.REFERRAL)))
                .as("a source the history never saw is no evidence")
                .noneMatch(f -> f.code().equals("predictive.source"));

        // ranking quality on held-out leads: the area under the ROC curve
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean isSoftware = random.nextBoolean();
            boolean converted = random.nextDouble() < (isSoftware ? 0.8 : 0.2);
            scored.add(new double[] {model.conversionProbability(facts(isSoftware ? "software" : "retail",
                    random.nextBoolean() ? "DE" : "FR", LeadSource.WEB_FORM)), converted ? 1 : 0});
        }
        assertThat(auc(scored)).isGreaterThan(0.75); // the best any model can do here is 0.80
    }

    private static double auc(List<double[]> scored) {
        long pairs = 0;
        double wins = 0;
        for (double[] p : scored) {
            for (double[] n : scored) {
                if (p[1] == 1 && n[1] == 0) {
                    pairs++;
                    wins += p[0] > n[0] ? 1 : p[0] == n[0] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    @Test
    void training_needs_ten_leads_of_each_outcome() {
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        for (int i = 0; i < 30; i++) {
            trainer.add(facts("software", "DE", LeadSource.WEB_FORM), i < 25);
        }
        assertThat(trainer.hasEnough()).isFalse();
        assertThatThrownBy(trainer::build).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("history"));
    }

    @Test
    void a_trained_tenant_scores_new_leads_with_predictive_factors_and_other_tenants_do_not() {
        LeadFixtures fixtures = new LeadFixtures();
        LeadService leads = fixtures.leads();
        for (int i = 0; i < 24; i++) {
            boolean good = i % 2 == 0;
            Lead lead = leads.capture(CaptureLead.from(LeadSource.WEB_FORM).withPerson("P", "Lead" + i)
                    .withCompany("Firm " + i, good ? "software" : "retail", 50)).lead();
            if (good) {
                leads.recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND, NOW));
                leads.updateQualification(lead.id(), new Qualification(BigDecimal.TEN, "EUR", true, "x", null));
                leads.qualify(lead.id());
                leads.convert(ConvertLead.of(lead.id(), Actor.user("rep")));
            } else {
                leads.disqualify(lead.id(), "no");
            }
        }

        TrainingReport report = leads.trainPredictiveModel();

        assertThat(report).isEqualTo(new TrainingReport(12, 12, true, 1));
        Lead fresh = leads.capture(CaptureLead.from(LeadSource.WEB_FORM).withPerson("New", "One")
                .withCompany("Fresh", "software", 50)).lead();
        assertThat(fresh.score().explanation()).anyMatch(line -> line.startsWith("+") && line.endsWith(
                "predictive.industry"));
        Lead elsewhere = fixtures.crm.tenant(LeadFixtures.OTHER_TENANT).service(LeadService.class).capture(CaptureLead
                .from(LeadSource.WEB_FORM).withPerson("New", "One").withCompany("Fresh", "software", 50)).lead();
        assertThat(elsewhere.score().factors()).noneMatch(f -> f.code().startsWith("predictive."));
    }
}
