package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.ChannelActivity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The named scoring rules, each at the edges of its thresholds and caps. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScoringRulesTest {
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private static LeadDetails details(String jobTitle, String industry, Integer employees, String email, String phone,
            String country) {
        return new LeadDetails("Ada", "Byron", "Firm", jobTitle, industry, employees, email, phone, country, null, null);
    }

    private static LeadFacts facts(LeadDetails details, Qualification qualification, List<ChannelActivity> engagement) {
        return new LeadFacts(details, LeadAttribution.of(LeadSource.WEB_FORM), qualification, LeadStatus.NEW,
                engagement, NOW.minus(Duration.ofDays(60)), NOW);
    }

    private static Map<String, Integer> points(List<ScoreFactor> factors) {
        return factors.stream().collect(Collectors.toMap(ScoreFactor::code, ScoreFactor::points));
    }

    @Nested
    class Engagement {
        private final EngagementRules rules = new EngagementRules();

        private Map<String, Integer> score(ChannelActivity... activity) {
            return points(rules.score(facts(details(null, null, null, null, null, null), Qualification.unknown(),
                    Arrays.asList(activity))));
        }

        private ChannelActivity on(Channel channel, long count, Duration ago) {
            return new ChannelActivity(channel, count, NOW.minus(ago));
        }

        @Test
        void a_lead_without_touch_points_gets_no_engagement_factor() {
            assertThat(score()).isEmpty();
            assertThat(score(on(Channel.EMAIL, 0, Duration.ofDays(1)))).isEmpty();
        }

        @Test
        void each_touch_point_adds_four_up_to_twenty() {
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(10)))).containsEntry("engagement.touch-points", 4);
            assertThat(score(on(Channel.EMAIL, 4, Duration.ofDays(10)))).containsEntry("engagement.touch-points", 16);
            assertThat(score(on(Channel.EMAIL, 5, Duration.ofDays(10)))).containsEntry("engagement.touch-points", 20);
            assertThat(score(on(Channel.EMAIL, 6, Duration.ofDays(10)))).containsEntry("engagement.touch-points", 20);
            assertThat(score(on(Channel.EMAIL, 3, Duration.ofDays(10)), on(Channel.PHONE, 3, Duration.ofDays(10))))
                    .containsEntry("engagement.touch-points", 20);
        }

        @Test
        void each_channel_beyond_the_first_adds_five_up_to_ten() {
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(10)))).doesNotContainKey("engagement.channels");
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(10)), on(Channel.PHONE, 1, Duration.ofDays(10))))
                    .containsEntry("engagement.channels", 5);
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(10)), on(Channel.PHONE, 1, Duration.ofDays(10)),
                    on(Channel.CHAT, 1, Duration.ofDays(10)))).containsEntry("engagement.channels", 10);
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(10)), on(Channel.PHONE, 1, Duration.ofDays(10)),
                    on(Channel.CHAT, 1, Duration.ofDays(10)), on(Channel.WEB, 1, Duration.ofDays(10))))
                    .containsEntry("engagement.channels", 10);
        }

        @Test
        void in_touch_within_seven_days_is_recent_and_the_seventh_day_counts() {
            assertThat(score(on(Channel.EMAIL, 1, Duration.ZERO))).containsEntry("engagement.recent", 10);
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(7)))).containsEntry("engagement.recent", 10);
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(7).plusSeconds(1))))
                    .doesNotContainKeys("engagement.recent", "engagement.gone-quiet");
        }

        @Test
        void the_latest_touch_point_on_any_channel_decides_recency() {
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(40)), on(Channel.PHONE, 1, Duration.ofDays(2))))
                    .containsEntry("engagement.recent", 10).doesNotContainKey("engagement.gone-quiet");
        }

        @Test
        void no_touch_point_for_more_than_thirty_days_has_gone_quiet() {
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(30))))
                    .doesNotContainKeys("engagement.recent", "engagement.gone-quiet");
            assertThat(score(on(Channel.EMAIL, 1, Duration.ofDays(30).plusSeconds(1))))
                    .containsEntry("engagement.gone-quiet", -10);
        }

        @Test
        void the_factors_come_in_a_fixed_order() {
            List<ScoreFactor> factors = rules.score(facts(details(null, null, null, null, null, null),
                    Qualification.unknown(), List.of(on(Channel.EMAIL, 2, Duration.ofDays(1)),
                            on(Channel.PHONE, 1, Duration.ofDays(3)))));
            assertThat(factors).containsExactly(new ScoreFactor("engagement.touch-points", 12),
                    new ScoreFactor("engagement.channels", 5), new ScoreFactor("engagement.recent", 10));
        }
    }

    @Nested
    class Fit {
        private final FitRules rules = FitRules.defaults().withTargetIndustries(Set.of("Software"))
                .withTargetCountries(Set.of("DE")).withMinEmployees(50);

        private Map<String, Integer> score(LeadDetails details) {
            return score(details, Qualification.unknown());
        }

        private Map<String, Integer> score(LeadDetails details, Qualification qualification) {
            return points(rules.score(facts(details, qualification, List.of())));
        }

        @Test
        void a_lead_that_meets_no_rule_gets_no_factor() {
            assertThat(score(details(null, null, null, null, null, null))).isEmpty();
        }

        @Test
        void the_target_industry_matches_whatever_its_case() {
            assertThat(score(details(null, "SOFTWARE", null, null, null, null))).containsEntry("fit.target-industry", 15);
            assertThat(score(details(null, "software", null, null, null, null))).containsEntry("fit.target-industry", 15);
            assertThat(score(details(null, "retail", null, null, null, null))).doesNotContainKey("fit.target-industry");
        }

        @Test
        void the_target_country_matches_its_code() {
            assertThat(score(details(null, null, null, null, null, "DE"))).containsEntry("fit.target-country", 10);
            assertThat(score(details(null, null, null, null, null, "FR"))).doesNotContainKey("fit.target-country");
        }

        @Test
        void the_company_size_counts_from_the_threshold_on() {
            assertThat(score(details(null, null, 49, null, null, null))).doesNotContainKey("fit.company-size");
            assertThat(score(details(null, null, 50, null, null, null))).containsEntry("fit.company-size", 10);
            assertThat(score(details(null, null, 5000, null, null, null))).containsEntry("fit.company-size", 10);
        }

        @Test
        void a_decision_maker_is_a_title_word_not_a_substring() {
            assertThat(score(details("Head of IT", null, null, null, null, null))).containsEntry("fit.decision-maker", 15);
            assertThat(score(details("CEO/Founder", null, null, null, null, null)))
                    .containsEntry("fit.decision-maker", 15);
            assertThat(score(details("Geschäftsführer", null, null, null, null, null)))
                    .containsEntry("fit.decision-maker", 15);
            assertThat(score(details("Headhunter", null, null, null, null, null)))
                    .doesNotContainKey("fit.decision-maker");
            assertThat(score(details("Developer", null, null, null, null, null))).doesNotContainKey("fit.decision-maker");
        }

        @Test
        void a_business_address_adds_and_a_free_mail_address_subtracts() {
            assertThat(score(details(null, null, null, "ada@firm.example", null, null)))
                    .containsEntry("fit.business-email", 10).doesNotContainKey("fit.free-email");
            assertThat(score(details(null, null, null, "ada@gmail.com", null, null)))
                    .containsEntry("fit.free-email", -5).doesNotContainKey("fit.business-email");
        }

        @Test
        void a_known_phone_adds_five() {
            assertThat(score(details(null, null, null, null, "+49 30 1234567", null))).containsEntry("fit.phone", 5);
        }

        @Test
        void each_answered_bant_question_adds_five() {
            Qualification two = new Qualification(new BigDecimal("1000"), "EUR", true, null, null);
            Qualification four = new Qualification(new BigDecimal("1000"), "EUR", false, "a CRM",
                    LocalDate.of(2026, 9, 1));
            assertThat(score(details(null, null, null, null, null, null), two)).containsEntry("fit.bant", 10);
            assertThat(score(details(null, null, null, null, null, null), four)).containsEntry("fit.bant", 20);
        }

        @Test
        void every_rule_that_holds_adds_its_points_in_a_fixed_order() {
            List<ScoreFactor> factors = rules.score(facts(details("CTO", "software", 120, "ada@firm.example",
                    "+49 30 1234567", "DE"), new Qualification(null, null, true, null, null), List.of()));
            assertThat(factors).extracting(ScoreFactor::code).containsExactly("fit.target-industry",
                    "fit.target-country", "fit.company-size", "fit.decision-maker", "fit.business-email", "fit.phone",
                    "fit.bant");
            assertThat(factors.stream().mapToInt(ScoreFactor::points).sum()).isEqualTo(15 + 10 + 10 + 15 + 10 + 5 + 5);
        }

        @Test
        void the_defaults_target_no_industry_or_country_and_fifty_employees() {
            FitRules defaults = FitRules.defaults();
            assertThat(defaults.targetIndustries()).isEmpty();
            assertThat(defaults.targetCountries()).isEmpty();
            assertThat(defaults.minEmployees()).isEqualTo(50);
            assertThat(defaults.freeMailDomains()).contains("gmail.com", "gmx.de");
        }

        @Test
        void sets_are_lower_cased_and_a_negative_size_or_a_null_is_refused() {
            FitRules mixed = new FitRules(Set.of("SaaS"), Set.of("DE"), 0, Set.of("Boss"), Set.of("Mail.Example"));
            assertThat(mixed.targetIndustries()).containsExactly("saas");
            assertThat(mixed.decisionMakerTitles()).containsExactly("boss");
            assertThat(mixed.freeMailDomains()).containsExactly("mail.example");
            assertThat(mixed.targetCountries()).containsExactly("DE");
            assertThatThrownBy(() -> FitRules.defaults().withMinEmployees(-1))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("minEmployees"));
            List<String> withNull = new ArrayList<>();
            withNull.add(null);
            assertThatThrownBy(() -> new FitRules(Set.of(), Set.of(), 0, Set.copyOf(List.of()), null))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("freeMailDomains"));
            assertThatThrownBy(() -> new FitRules(Set.of(), Set.of(), 0, Set.of(), Set.of()).withTargetCountries(
                    new java.util.HashSet<>(withNull)))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).startsWith("targetCountries"));
        }
    }
}
