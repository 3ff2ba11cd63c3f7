package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The naive Bayes model's arithmetic on histories small enough to check by hand. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NaiveBayesLeadModelTest {
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private static LeadFacts lead(String industry) {
        return lead(industry, 100, "CTO", "ada@firm.example", null, null);
    }

    private static LeadFacts lead(String industry, Integer employees, String title, String email, String phone,
            String campaign) {
        return new LeadFacts(new LeadDetails("Ada", "Byron", "Firm", title, industry, employees, email, phone, "DE",
                null, null), new LeadAttribution(LeadSource.WEB_FORM, campaign, null, null), Qualification.unknown(),
                LeadStatus.NEW, List.of(), NOW, NOW);
    }

    /** {@code converted} software leads that converted and {@code lost} retail leads that did not. */
    private static NaiveBayesLeadModel trained(int converted, int lost) {
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        for (int i = 0; i < converted; i++) {
            trainer.add(lead("software"), true);
        }
        for (int i = 0; i < lost; i++) {
            trainer.add(lead("retail"), false);
        }
        return trainer.build();
    }

    private static Map<String, Integer> points(List<ScoreFactor> factors) {
        return factors.stream().collect(Collectors.toMap(ScoreFactor::code, ScoreFactor::points));
    }

    @Test
    void each_factor_is_ten_times_the_smoothed_log_likelihood_ratio() {
        // 12 converted software leads, 10 lost retail ones; everything else alike
        NaiveBayesLeadModel model = trained(12, 10);

        // prior: round(10 ln(13/11)) = 2; software: round(10 ln((13/15) / (1/13))) = 24;
        // retail: round(10 ln((1/15) / (11/13))) = -25; the attributes all leads share: round(10 ln(1.013)) = 0
        assertThat(points(model.score(lead("software"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("predictive.prior", 2, "predictive.industry", 24));
        assertThat(points(model.score(lead("retail"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("predictive.prior", 2, "predictive.industry", -25));
        assertThat(model.convertedLeads()).isEqualTo(12);
        assertThat(model.lostLeads()).isEqualTo(10);
    }

    @Test
    void the_industry_compares_stripped_and_case_insensitive() {
        NaiveBayesLeadModel model = trained(12, 10);
        assertThat(points(model.score(lead("  Software ")))).containsEntry("predictive.industry", 24);
    }

    @Test
    void a_value_the_history_never_saw_is_no_evidence() {
        NaiveBayesLeadModel model = trained(12, 10);
        assertThat(points(model.score(lead("mining")))).containsOnlyKeys("predictive.prior");
    }

    @Test
    void no_factor_counts_more_than_twenty_five_points_either_way() {
        // 1000 converted against 10 lost: uncapped the prior would be 45, software 26 and retail -67
        NaiveBayesLeadModel model = trained(1000, 10);
        assertThat(points(model.score(lead("software"))))
                .containsEntry("predictive.prior", 25).containsEntry("predictive.industry", 25);
        assertThat(points(model.score(lead("retail")))).containsEntry("predictive.industry", -25);
    }

    @Test
    void the_probability_is_the_logistic_of_the_factors_sum_over_ten() {
        NaiveBayesLeadModel model = trained(12, 10);
        assertThat(model.conversionProbability(lead("software"))).isCloseTo(1 / (1 + Math.exp(-2.6)), within(1e-12));
        assertThat(model.conversionProbability(lead("retail"))).isCloseTo(1 / (1 + Math.exp(2.3)), within(1e-12));
        assertThat(model.conversionProbability(lead("mining"))).isCloseTo(1 / (1 + Math.exp(-0.2)), within(1e-12));
    }

    @Test
    void a_model_needs_ten_leads_of_each_outcome() {
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        for (int i = 0; i < 9; i++) {
            trainer.add(lead("software"), true).add(lead("retail"), false);
        }
        assertThat(trainer.hasEnough()).isFalse();
        assertThatThrownBy(trainer::build).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("history"));
        trainer.add(lead("software"), true);
        assertThat(trainer.hasEnough()).isFalse();
        assertThat(trainer.counts()).containsExactly(10, 9);
        trainer.add(lead("retail"), false);
        assertThat(trainer.hasEnough()).isTrue();
        assertThat(trainer.build().lostLeads()).isEqualTo(10);
    }

    @Test
    void a_built_model_does_not_change_when_its_trainer_learns_more() {
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        for (int i = 0; i < 10; i++) {
            trainer.add(lead("software"), true).add(lead("retail"), false);
        }
        NaiveBayesLeadModel model = trainer.build();
        List<ScoreFactor> before = model.score(lead("software"));
        for (int i = 0; i < 50; i++) {
            trainer.add(lead("software"), false);
        }
        assertThat(model.score(lead("software"))).isEqualTo(before);
    }

    @Test
    void company_sizes_fall_into_bands_at_their_edges() {
        assertThat(band(null)).isEqualTo("-");
        assertThat(band(0)).isEqualTo("1-9");
        assertThat(band(9)).isEqualTo("1-9");
        assertThat(band(10)).isEqualTo("10-49");
        assertThat(band(49)).isEqualTo("10-49");
        assertThat(band(50)).isEqualTo("50-249");
        assertThat(band(249)).isEqualTo("50-249");
        assertThat(band(250)).isEqualTo("250-999");
        assertThat(band(999)).isEqualTo("250-999");
        assertThat(band(1000)).isEqualTo("1000+");
    }

    @Test
    void the_attributes_reduce_personal_details_to_kinds() {
        Map<String, String> full = NaiveBayesLeadModel.attributes(lead("Retail", 5, "Head of Sales",
                "ada@gmail.com", "+49 30 1234567", "spring"));
        assertThat(full).containsExactly(Map.entry("source", "WEB_FORM"), Map.entry("industry", "retail"),
                Map.entry("country", "DE"), Map.entry("company-size", "1-9"), Map.entry("job-title", "decision-maker"),
                Map.entry("email", "free"), Map.entry("phone", "yes"), Map.entry("campaign", "yes"));
        Map<String, String> sparse = NaiveBayesLeadModel.attributes(lead(null, null, "Developer", "ada@firm.example",
                null, null));
        assertThat(sparse).containsEntry("industry", "-").containsEntry("job-title", "other")
                .containsEntry("email", "business").containsEntry("phone", "no").containsEntry("campaign", "no");
        Map<String, String> none = NaiveBayesLeadModel.attributes(lead(null, null, null, null, null, null));
        assertThat(none).containsEntry("job-title", "-").containsEntry("email", "-");
    }

    @Test
    void a_model_encodes_to_the_same_text_every_time_and_decodes_to_the_same_scores() {
        NaiveBayesLeadModel model = trained(12, 10);
        String text = model.encode();
        assertThat(text).startsWith("naive-bayes 1\nconverted 12\nlost 10\n")
                .contains("value industry retail 0 10\n", "value industry software 12 0\n");
        NaiveBayesLeadModel decoded = NaiveBayesLeadModel.decode(text);
        assertThat(decoded.encode()).isEqualTo(text);
        for (String industry : List.of("software", "retail", "mining")) {
            assertThat(decoded.score(lead(industry))).isEqualTo(model.score(lead(industry)));
        }
    }

    @Test
    void free_text_values_survive_encoding() {
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        for (int i = 0; i < 10; i++) {
            trainer.add(lead("oil & gas\nspace"), true).add(lead("retail"), false);
        }
        NaiveBayesLeadModel model = trainer.build();
        NaiveBayesLeadModel decoded = NaiveBayesLeadModel.decode(model.encode());
        assertThat(decoded.score(lead("oil & gas\nspace"))).isEqualTo(model.score(lead("oil & gas\nspace")))
                .extracting(ScoreFactor::code).contains("predictive.industry");
    }

    @Test
    void text_that_is_not_such_a_model_is_refused() {
        assertThatThrownBy(() -> NaiveBayesLeadModel.decode("other-model 1\nconverted 1\nlost 1\n"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NaiveBayesLeadModel.decode("naive-bayes 2\nconverted 1\nlost 1\n"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NaiveBayesLeadModel.decode("naive-bayes 1\nconverted 1\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String band(Integer employees) {
        return NaiveBayesLeadModel.attributes(lead("x", employees, null, null, null, null)).get("company-size");
    }
}
