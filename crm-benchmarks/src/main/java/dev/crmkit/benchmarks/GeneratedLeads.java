package dev.crmkit.benchmarks;

import dev.crmkit.model.lead.LeadSource;
import java.util.Locale;

/**
 * The leads both contenders of the lead-capture benchmark capture: generated people, numbered, each with a distinct
 * family name, e-mail address and phone number, at varied companies, industries and countries. Every fiftieth lead
 * (2%) is an earlier lead submitting again with the same details from another source, so de-duplication has
 * something to merge.
 */
final class GeneratedLeads {
    private static final String[] GIVEN = {"Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hugo", "Ines",
        "Jonas", "Katja", "Lukas", "Mara", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tara", "Yusuf"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "ve", "so", "di", "an", "er", "ol",
        "ba", "ze", "hu", "pi"};
    private static final String[] COMPANY_WORDS = {"Nord", "Alpen", "Rhein", "Blue", "Summit", "Iron", "Silver",
        "Oak", "Delta", "Atlas", "Nova", "Vector", "Harbor", "Falcon", "Granite", "Meridian"};
    private static final String[] COMPANY_FORMS = {"GmbH", "AG", "Ltd", "Inc", "BV", "SA", "AB", "Systems",
        "Solutions", "Group"};
    private static final String[] INDUSTRIES = {"software", "manufacturing", "retail", "finance", "healthcare",
        "logistics", "energy", "education", "media", "construction"};
    private static final String[][] PLACES = {{"DE", "10115", "Berlin"}, {"DE", "80331", "München"},
        {"AT", "1010", "Wien"}, {"CH", "8001", "Zürich"}, {"FR", "75001", "Paris"}, {"NL", "1012", "Amsterdam"},
        {"GB", "EC1A 1BB", "London"}, {"US", "10001", "New York"}, {"ES", "28001", "Madrid"},
        {"SE", "111 20", "Stockholm"}, {"IT", "20121", "Milano"}, {"PL", "00-001", "Warszawa"}};
    private static final String[] TITLES = {"Head of Sales", "CTO", "Purchasing Manager", "CEO", "IT Lead",
        "Operations Manager", "Marketing Director", null};
    private static final int[] EMPLOYEES = {5, 20, 50, 120, 400, 1500, 8000};
    private static final LeadSource[] SOURCES = {LeadSource.WEB_FORM, LeadSource.WEB_FORM, LeadSource.WEB_FORM,
        LeadSource.CAMPAIGN_RESPONSE, LeadSource.TRADE_SHOW, LeadSource.REFERRAL, LeadSource.EVENT};

    private GeneratedLeads() {
    }

    /** One submission, as entered (already in the normalized form CRMKit stores, so raw JDBC can store it as is). */
    record Submission(int number, LeadSource source, String givenName, String familyName, String companyName,
            String jobTitle, String industry, int employees, String email, String phone, String countryCode,
            String postcode, String city, String campaignId, String trackingCode, String rawSubmission,
            String idempotencyKey, boolean repeat) {
        /** The name key CRMKit stores for a person: folded family name and the given name's initial. */
        String nameKey() {
            return familyName.toLowerCase(Locale.ROOT) + " " + givenName.substring(0, 1).toLowerCase(Locale.ROOT);
        }

        /** The number of the submission whose person this is: the earlier lead for a repeat, else its own. */
        int person() {
            return repeat ? number - 25 : number;
        }
    }

    /** Whether lead {@code number} repeats an earlier lead; true for 2% of the numbers. */
    static boolean isRepeat(int number) {
        return number % 50 == 49;
    }

    /**
     * Submission {@code number}. A repeat has the person, company and contact details of lead {@code number - 25}
     * (never itself a repeat, and in the same block of fifty), with its own source, campaign and idempotency key.
     */
    static Submission number(int number) {
        boolean repeat = isRepeat(number);
        int person = repeat ? number - 25 : number;
        String given = GIVEN[person % GIVEN.length];
        String family = familyName(person);
        String company = COMPANY_WORDS[person % COMPANY_WORDS.length] + " "
                + COMPANY_WORDS[(person / 7) % COMPANY_WORDS.length] + " " + COMPANY_FORMS[(person / 3) % COMPANY_FORMS.length];
        String[] place = PLACES[(person / 5) % PLACES.length];
        String email = given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT) + "@"
                + company.split(" ")[0].toLowerCase(Locale.ROOT) + person % 97 + ".example.com";
        LeadSource source = SOURCES[number % SOURCES.length];
        String campaign = number % 3 == 0 ? "campaign-" + (number % 12) : null;
        String tracking = campaign == null ? null : "utm_source=newsletter&utm_campaign=" + campaign;
        String raw = "{\"form\":\"contact\",\"name\":\"" + given + " " + family + "\",\"email\":\"" + email
                + "\",\"message\":\"Please call me about pricing.\"}";
        return new Submission(number, source, given, family, company, TITLES[person % TITLES.length],
                INDUSTRIES[(person / 2) % INDUSTRIES.length], EMPLOYEES[person % EMPLOYEES.length], email,
                "+4940" + (2_000_000 + person), place[0], place[1], place[2], campaign, tracking, raw,
                "submission-" + number, repeat);
    }

    /** A given name for person {@code number}, one of twenty in turn. */
    static String givenName(int number) {
        return GIVEN[number % GIVEN.length];
    }

    /**
     * A family name of syllables spelling the number in base 16: distinct for distinct numbers, and, unlike a name
     * with the number in digits, of distinct sound, so the phonetic blocking keys of customer matching spread over
     * the people as a real tenant's do instead of putting everyone into one block.
     */
    static String familyName(int number) {
        StringBuilder name = new StringBuilder();
        int n = number;
        do {
            name.append(SYLLABLES[n % 16]);
            n /= 16;
        } while (n > 0);
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }
}
