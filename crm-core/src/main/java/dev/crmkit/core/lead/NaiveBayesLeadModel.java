package dev.crmkit.core.lead;

import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.ScoreFactor;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in predictive model: naive Bayes over a lead's attributes, trained on the tenant's own closed leads
 * (converted against disqualified), with Laplace smoothing. Its factors are the evidence in log-odds, scaled to
 * points: {@code predictive.prior} for the tenant's base rate and one {@code predictive.<attribute>} per attribute
 * whose value tells converted from lost leads apart, each {@code round(10 * ln(P(value | converted) /
 * P(value | lost)))}, at most 25 either way; a value the history never saw adds nothing. Their sum is the model's log-odds of conversion times ten, so the
 * explanation is exactly how the model decided.
 *
 * <p>Attributes: source, industry, country, company size band, job title (decision maker or not), e-mail kind
 * (business or free-mail), whether a phone number and a campaign are known. Immutable once trained; the
 * {@link Trainer} reads leads one at a time, so training runs at constant memory over any history.
 */
public final class NaiveBayesLeadModel implements LeadScoringModel {
    /** The fewest converted and the fewest lost leads a model is trained on. */
    public static final int MIN_PER_OUTCOME = 10;

    private static final double SCALE = 10.0;
    private static final int MAX_POINTS = 25;
    private static final FitRules TITLES = FitRules.defaults();

    private final long converted;
    private final long lost;
    /** Per attribute, per value: {converted, lost} counts. */
    private final Map<String, Map<String, long[]>> counts;

    private NaiveBayesLeadModel(long converted, long lost, Map<String, Map<String, long[]>> counts) {
        this.converted = converted;
        this.lost = lost;
        this.counts = counts;
    }

    /** The kind of model this is, as stored ({@code LeadModelRecord.kind}). */
    static final String KIND = "naive-bayes";

    /** A trainer that reads closed leads one at a time. */
    public static Trainer trainer() {
        return new Trainer();
    }

    /** How many converted leads the model learned from. */
    public long convertedLeads() {
        return converted;
    }

    /** How many lost (disqualified) leads the model learned from. */
    public long lostLeads() {
        return lost;
    }

    @Override
    public List<ScoreFactor> score(LeadFacts facts) {
        List<ScoreFactor> factors = new ArrayList<>();
        add(factors, "predictive.prior", Math.log((converted + 1.0) / (lost + 1.0)));
        attributes(facts).forEach((attribute, value) -> {
            Map<String, long[]> values = counts.getOrDefault(attribute, Map.of());
            long[] seen = values.get(value);
            if (seen == null) {
                return; // a value the history never saw is no evidence either way
            }
            int distinct = values.size() + 1;
            double given = (seen[0] + 1.0) / (converted + distinct);
            double givenLost = (seen[1] + 1.0) / (lost + distinct);
            add(factors, "predictive." + attribute, Math.log(given / givenLost));
        });
        return factors;
    }

    /** The model's probability that the lead converts, from the same evidence as its factors. */
    public double conversionProbability(LeadFacts facts) {
        double logOdds = score(facts).stream().mapToInt(ScoreFactor::points).sum() / SCALE;
        return 1.0 / (1.0 + Math.exp(-logOdds));
    }

    private static void add(List<ScoreFactor> factors, String code, double logOdds) {
        int points = (int) Math.max(-MAX_POINTS, Math.min(MAX_POINTS, Math.round(SCALE * logOdds)));
        if (points != 0) {
            factors.add(new ScoreFactor(code, points));
        }
    }

    /**
     * The model as text, to store: a header line, the two totals, then one line per attribute value with its
     * converted and lost counts, sorted, so the same model always encodes to the same text. Values are URL-encoded
     * (an industry is free text); the text holds counts of attribute values, never a lead's personal data.
     */
    String encode() {
        StringBuilder text = new StringBuilder(KIND).append(" 1\n")
                .append("converted ").append(converted).append('\n')
                .append("lost ").append(lost).append('\n');
        new TreeMap<>(counts).forEach((attribute, values) -> new TreeMap<>(values).forEach((value, c) ->
                text.append("value ").append(attribute).append(' ').append(URLEncoder.encode(value,
                        StandardCharsets.UTF_8)).append(' ').append(c[0]).append(' ').append(c[1]).append('\n')));
        return text.toString();
    }

    /**
     * The model {@link #encode()} wrote.
     *
     * @throws IllegalStateException when the text is not such a model: stored models are written by this class only
     */
    static NaiveBayesLeadModel decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[0].equals(KIND + " 1")) {
            throw new IllegalStateException("the stored lead model is not a " + KIND + " model of format 1");
        }
        long converted = Long.parseLong(lines[1].substring("converted ".length()));
        long lost = Long.parseLong(lines[2].substring("lost ".length()));
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        for (int i = 3; i < lines.length; i++) {
            String[] parts = lines[i].split(" ");
            counts.computeIfAbsent(parts[1], a -> new HashMap<>()).put(URLDecoder.decode(parts[2],
                    StandardCharsets.UTF_8), new long[] {Long.parseLong(parts[3]), Long.parseLong(parts[4])});
        }
        Map<String, Map<String, long[]>> frozen = new HashMap<>();
        counts.forEach((attribute, values) -> frozen.put(attribute, Map.copyOf(values)));
        return new NaiveBayesLeadModel(converted, lost, Map.copyOf(frozen));
    }

    /** The attribute values the model compares, by attribute name. */
    static Map<String, String> attributes(LeadFacts facts) {
        LeadDetails d = facts.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", facts.attribution().source().name());
        values.put("industry", d.industry() == null ? "-" : d.industry().strip().toLowerCase(Locale.ROOT));
        values.put("country", d.countryCode() == null ? "-" : d.countryCode());
        values.put("company-size", sizeBand(d.employees()));
        values.put("job-title", d.jobTitle() == null ? "-" : TITLES.isDecisionMaker(d.jobTitle()) ? "decision-maker"
                : "other");
        values.put("email", d.email() == null ? "-" : emailKind(d.email()));
        values.put("phone", d.phone() == null ? "no" : "yes");
        values.put("campaign", facts.attribution().campaignId() == null ? "no" : "yes");
        return values;
    }

    private static String emailKind(String email) {
        String domain = email.substring(email.indexOf('@') + 1);
        return TITLES.freeMailDomains().contains(domain) ? "free" : "business";
    }

    private static String sizeBand(Integer employees) {
        if (employees == null) {
            return "-";
        }
        if (employees < 10) {
            return "1-9";
        }
        if (employees < 50) {
            return "10-49";
        }
        if (employees < 250) {
            return "50-249";
        }
        return employees < 1000 ? "250-999" : "1000+";
    }

    /** Counts attribute values of closed leads; {@link #build()} makes the model once both outcomes have enough. */
    public static final class Trainer {
        private long converted;
        private long lost;
        private final Map<String, Map<String, long[]>> counts = new HashMap<>();

        private Trainer() {
        }

        /** Learns from one closed lead: {@code converted} true for a converted one, false for a lost one. */
        public Trainer add(LeadFacts facts, boolean converted) {
            if (converted) {
                this.converted++;
            } else {
                this.lost++;
            }
            int outcome = converted ? 0 : 1;
            attributes(facts).forEach((attribute, value) ->
                    counts.computeIfAbsent(attribute, a -> new HashMap<>())
                            .computeIfAbsent(value, v -> new long[2])[outcome]++);
            return this;
        }

        /** How many converted and how many lost leads were added: {converted, lost}. */
        long[] counts() {
            return new long[] {converted, lost};
        }

        /** Whether there are at least {@link #MIN_PER_OUTCOME} leads of each outcome. */
        public boolean hasEnough() {
            return converted >= MIN_PER_OUTCOME && lost >= MIN_PER_OUTCOME;
        }

        /**
         * The trained model.
         *
         * @throws dev.crmkit.model.ValidationException ({@code history}) unless {@link #hasEnough()}
         */
        public NaiveBayesLeadModel build() {
            if (!hasEnough()) {
                throw new dev.crmkit.model.ValidationException("history", "needs at least " + MIN_PER_OUTCOME
                        + " converted and " + MIN_PER_OUTCOME + " disqualified leads to train on");
            }
            Map<String, Map<String, long[]>> copy = new HashMap<>();
            counts.forEach((attribute, values) -> {
                Map<String, long[]> v = new HashMap<>();
                values.forEach((value, c) -> v.put(value, c.clone()));
                copy.put(attribute, Map.copyOf(v));
            });
            return new NaiveBayesLeadModel(converted, lost, Map.copyOf(copy));
        }

    }
}
