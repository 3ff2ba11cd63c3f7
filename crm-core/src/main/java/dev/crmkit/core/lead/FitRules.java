package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How well a lead fits the ideal customer, as named rules over its attributes; a {@link LeadScoringModel} whose
 * factors start with {@code fit.}. Each rule that holds adds its points:
 *
 * <ul>
 *   <li>{@code fit.target-industry} (+15): the industry is one of {@code targetIndustries} (case-insensitive).</li>
 *   <li>{@code fit.target-country} (+10): the country is one of {@code targetCountries}.</li>
 *   <li>{@code fit.company-size} (+10): the company has at least {@code minEmployees} employees.</li>
 *   <li>{@code fit.decision-maker} (+15): the job title contains a word of {@code decisionMakerTitles}.</li>
 *   <li>{@code fit.business-email} (+10): an e-mail address outside {@code freeMailDomains}; {@code fit.free-email}
 *       (-5) for one inside.</li>
 *   <li>{@code fit.phone} (+5): a phone number is known.</li>
 *   <li>{@code fit.bant} (+5 per answered BANT question, +20 at most).</li>
 * </ul>
 */
public record FitRules(Set<String> targetIndustries, Set<String> targetCountries, int minEmployees,
        Set<String> decisionMakerTitles, Set<String> freeMailDomains) implements LeadScoringModel {

    /**
     * Copies the sets; industries, titles and mail domains are lower-cased, since they match case-insensitively.
     *
     * @throws dev.crmkit.model.ValidationException naming a set that is null or holds null, or {@code minEmployees} when
     *     it is negative
     */
    public FitRules {
        targetIndustries = lower("targetIndustries", targetIndustries);
        targetCountries = Set.copyOf(Checks.noNulls("targetCountries", targetCountries));
        if (minEmployees < 0) {
            throw new dev.crmkit.model.ValidationException("minEmployees", "must not be negative");
        }
        decisionMakerTitles = lower("decisionMakerTitles", decisionMakerTitles);
        freeMailDomains = lower("freeMailDomains", freeMailDomains);
    }

    /** No target industries or countries; 50 employees; common decision-maker titles and free-mail domains. */
    public static FitRules defaults() {
        return new FitRules(Set.of(), Set.of(), 50,
                Set.of("ceo", "cto", "cfo", "coo", "cio", "owner", "founder", "director", "head", "vp", "president",
                        "partner", "geschäftsführer", "geschaeftsfuehrer", "leiter", "inhaber", "vorstand"),
                Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
                        "icloud.com", "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "proton.me"));
    }

    /** These rules with target industries. */
    public FitRules withTargetIndustries(Set<String> industries) {
        return new FitRules(industries, targetCountries, minEmployees, decisionMakerTitles, freeMailDomains);
    }

    /** These rules with target countries (ISO 3166 codes). */
    public FitRules withTargetCountries(Set<String> countries) {
        return new FitRules(targetIndustries, countries, minEmployees, decisionMakerTitles, freeMailDomains);
    }

    /** These rules with another company size threshold. */
    public FitRules withMinEmployees(int employees) {
        return new FitRules(targetIndustries, targetCountries, employees, decisionMakerTitles, freeMailDomains);
    }

    @Override
    public List<ScoreFactor> score(LeadFacts facts) {
        LeadDetails d = facts.details();
        List<ScoreFactor> factors = new ArrayList<>();
        if (d.industry() != null && targetIndustries.contains(d.industry().toLowerCase(Locale.ROOT))) {
            factors.add(new ScoreFactor("fit.target-industry", 15));
        }
        if (d.countryCode() != null && targetCountries.contains(d.countryCode())) {
            factors.add(new ScoreFactor("fit.target-country", 10));
        }
        if (d.employees() != null && d.employees() >= minEmployees) {
            factors.add(new ScoreFactor("fit.company-size", 10));
        }
        if (isDecisionMaker(d.jobTitle())) {
            factors.add(new ScoreFactor("fit.decision-maker", 15));
        }
        if (d.email() != null) {
            String domain = d.email().substring(d.email().indexOf('@') + 1);
            factors.add(freeMailDomains.contains(domain) ? new ScoreFactor("fit.free-email", -5)
                    : new ScoreFactor("fit.business-email", 10));
        }
        if (d.phone() != null) {
            factors.add(new ScoreFactor("fit.phone", 5));
        }
        Qualification q = facts.qualification();
        if (q.answered() > 0) {
            factors.add(new ScoreFactor("fit.bant", 5 * q.answered()));
        }
        return factors;
    }

    boolean isDecisionMaker(String title) {
        if (title == null) {
            return false;
        }
        for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (decisionMakerTitles.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lower(String field, Set<String> values) {
        return Checks.noNulls(field, values).stream().map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
