package dev.crmkit.core.customer;

import dev.crmkit.model.customer.PostalAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic person records with planted duplicates, made the way data entry corrupts them: typing errors,
 * phonetic spellings of a surname, nicknames and initials for the given name, swapped and missing name parts,
 * moves, a postcode or street number off, transposed or mistyped dates of birth, missing fields. No e-mails and no
 * phones, so matching has to work on names, addresses, dates of birth and identifiers. The truth is known: every
 * record carries the id of the person it describes. A fixed seed makes the same records every time.
 */
final class SyntheticPeople {
    /**
     * One record as typed in; null fields were left empty. {@code errors} names the corruptions made to the person's
     * original record, in order (empty for an original), so that missed pairs can be told apart by kind.
     */
    record Entry(int person, String given, String family, LocalDate dateOfBirth, PostalAddress address,
            String nationalId, int list, List<String> errors) {
        Entry {
            errors = List.copyOf(errors);
        }
    }

    private static final String[] GIVEN = {"Anna", "Maria", "Elisabeth", "Katharina", "Margarete", "Christine",
        "Susanne", "Sabine", "Andrea", "Claudia", "Stefanie", "Julia", "Johanna", "Sophie", "Laura", "Lena", "Sarah",
        "Barbara", "Monika", "Petra", "Ursula", "Helga", "Ingrid", "Renate", "Birgit", "Franziska", "Theresa",
        "Veronika", "Nicole", "Melanie", "Jennifer", "Patricia", "Alexandra", "Gabriele", "Dorothea", "Caroline",
        "Johannes", "Michael", "Thomas", "Andreas", "Stefan", "Christian", "Alexander", "Matthias", "Wolfgang",
        "Friedrich", "Josef", "Robert", "William", "Daniel", "Markus", "Peter", "Klaus", "Jürgen", "Dieter",
        "Heinrich", "Wilhelm", "Frank", "Uwe", "Martin", "Tobias", "Florian", "Sebastian", "Benjamin", "Jonas",
        "Lukas", "Maximilian", "Felix", "Paul", "Simon", "David", "Philipp", "Bernhard", "Richard", "Georg",
        "Ludwig", "Karl", "Herbert", "Manfred", "Günter", "Rainer", "Norbert", "Oliver", "Timo", "Dominik"};
    private static final Map<String, String> NICKNAMES = Map.ofEntries(
            Map.entry("Elisabeth", "Lisa"), Map.entry("Katharina", "Kathi"), Map.entry("Margarete", "Grete"),
            Map.entry("Christine", "Tine"), Map.entry("Stefanie", "Steffi"), Map.entry("Johanna", "Hanna"),
            Map.entry("Franziska", "Franzi"), Map.entry("Theresa", "Resi"), Map.entry("Veronika", "Vroni"),
            Map.entry("Alexandra", "Alex"), Map.entry("Gabriele", "Gabi"), Map.entry("Dorothea", "Dora"),
            Map.entry("Johannes", "Hans"), Map.entry("Michael", "Michi"), Map.entry("Thomas", "Tom"),
            Map.entry("Andreas", "Andi"), Map.entry("Alexander", "Alex"), Map.entry("Matthias", "Matze"),
            Map.entry("Wolfgang", "Wolf"), Map.entry("Friedrich", "Fritz"), Map.entry("Josef", "Sepp"),
            Map.entry("Robert", "Bob"), Map.entry("William", "Bill"), Map.entry("Daniel", "Dan"),
            Map.entry("Heinrich", "Heinz"), Map.entry("Wilhelm", "Willi"), Map.entry("Maximilian", "Max"),
            Map.entry("Sebastian", "Basti"), Map.entry("Benjamin", "Ben"), Map.entry("Philipp", "Phil"),
            Map.entry("Bernhard", "Bernd"), Map.entry("Richard", "Rick"), Map.entry("Ludwig", "Lutz"),
            Map.entry("Patricia", "Patty"), Map.entry("Barbara", "Babsi"), Map.entry("Susanne", "Susi"));
    /** Surnames, most common first; each group holds spellings that sound alike. */
    private static final String[][] FAMILY = {{"Müller", "Mueller", "Muller"}, {"Schmidt", "Schmitt", "Schmid"},
        {"Schneider", "Schneieder"}, {"Fischer", "Fisher"}, {"Meyer", "Maier", "Meier", "Mayer"}, {"Weber"},
        {"Schulz", "Schultz", "Schulze"}, {"Wagner", "Wegner"}, {"Becker", "Bekker"}, {"Hoffmann", "Hofmann"},
        {"Koch"}, {"Richter"}, {"Klein", "Kleinn"}, {"Wolf", "Wolff"}, {"Schröder", "Schroeder"},
        {"Neumann", "Naumann"}, {"Schwarz", "Schwartz"}, {"Zimmermann", "Zimmerman"}, {"Braun"},
        {"Krüger", "Krueger"}, {"Hartmann", "Hartman"}, {"Lange", "Lang"}, {"Werner"}, {"Krause", "Kraus"},
        {"Lehmann", "Lehman"}, {"Köhler", "Koehler"}, {"Walter", "Walther"}, {"Peters"}, {"Smith", "Smyth"},
        {"Thompson", "Thomson"}, {"Reid", "Reed"}, {"Clark", "Clarke"}, {"Phillips", "Philips"},
        {"Stephens", "Stevens"}, {"Friedrich", "Friederich"}, {"Vogel", "Fogel"}, {"Jung", "Yung"},
        {"Haas", "Hass"}, {"Seidel", "Seidl"}, {"Kaiser", "Keiser"}, {"Fuchs", "Fux"}, {"Scholz", "Scholtz"},
        {"Schubert"}, {"Roth", "Rot"}, {"Beck", "Bek"}, {"Lorenz", "Lorentz"}, {"Baumann", "Bauman"},
        {"Franke", "Francke"}, {"Albrecht", "Albrech"}, {"Winkler", "Winckler"}, {"Berger"}, {"Simon"},
        {"Ludwig"}, {"Böhm", "Boehm"}, {"Winter"}, {"Kraft", "Craft"}, {"Martin"}, {"Schumacher", "Schuhmacher"},
        {"Vogt", "Voigt"}, {"Stein"}, {"Jäger", "Jaeger"}, {"Otto"}, {"Sommer"}, {"Groß", "Gross"},
        {"Seifert", "Seiffert"}, {"Heinrich"}, {"Brandt", "Brand"}, {"Haase", "Hase"}, {"Schreiber"},
        {"Graf", "Graff"}, {"Dietrich", "Dietrick"}, {"Ziegler"}, {"Kuhn", "Kuhne"}, {"Pohl", "Pol"},
        {"Engel"}, {"Horn"}, {"Busch"}, {"Bergmann", "Bergman"}, {"Thomas"}, {"Voss", "Foss"}, {"Sauer"},
        {"Arnold"}, {"Wolter", "Wolters"}, {"Pfeiffer", "Pfeifer"}};
    private static final String[] FIRST_SYLLABLE = {"Ro", "Ha", "Ber", "Lin", "Gold", "Sil", "Wal", "Kirch", "Burg",
        "Hol", "Mar", "Ost", "Wes", "Nord", "Eck", "Ham", "Bren", "Dorn", "Eich", "Feld", "Gra", "Kor", "Lau", "Mo",
        "Rei", "Sa", "Tan", "Ul", "Wer", "Zie", "Ad", "Bal", "Dre", "Fin", "Gut", "Heid", "Ir", "Kess", "Lob", "Neu"};
    private static final String[] SECOND_SYLLABLE = {"berg", "mann", "feld", "bach", "hof", "stein", "ner", "ke",
        "horst", "wald", "dorf", "hagen", "ler", "rich", "brecht", "lein"};
    private static final String[] STREETS = {"Haupt", "Schul", "Garten", "Bahnhof", "Dorf", "Berg", "Kirch", "Wald",
        "Ring", "Linden", "Birken", "Eichen", "Wiesen", "Mühlen", "Rosen", "Feld", "Post", "Markt", "Sonnen",
        "Tannen", "Kastanien", "Ahorn", "Buchen", "Brunnen", "Schiller", "Goethe", "Mozart", "Beethoven", "Park",
        "Burg", "Friedhof", "Jahn", "Blumen", "Amsel", "Drossel", "Finken", "Lerchen", "Meisen", "Rathaus"};
    private static final String[] STREET_KINDS = {"straße", "weg", "allee", "gasse"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart",
        "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg",
        "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden",
        "Kiel", "Aachen", "Freiburg", "Lübeck", "Erfurt", "Rostock"};
    /** The kinds of corruption, by the number {@code corruptOnce} draws (11 tells which field it left out). */
    private static final String[] ERRORS = {"family typo", "given typo", "family sound-alike", "given nickname",
        "given initial", "names swapped", "given missing", "moved", "postcode typo", "street typo or other number",
        "birth date off", "birth date or address missing"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Random random;
    private final List<String[]> families = new ArrayList<>();

    SyntheticPeople(long seed) {
        this.random = new Random(seed);
        for (String[] group : FAMILY) {
            families.add(group);
        }
        for (String first : FIRST_SYLLABLE) {
            for (String second : SECOND_SYLLABLE) {
                families.add(new String[] {first + second});
            }
        }
    }

    /**
     * One list of {@code records} entries for de-duplication: about 60% distinct people, each of the others a
     * corrupted copy of one of them (one to three errors each).
     */
    List<Entry> deduplicationList(int records) {
        List<Entry> entries = new ArrayList<>();
        List<Entry> originals = new ArrayList<>();
        int people = (int) Math.round(records * 0.6);
        for (int p = 0; p < people; p++) {
            Entry original = person(p, 0);
            originals.add(original);
            entries.add(original);
        }
        while (entries.size() < records) {
            Entry original = originals.get(random.nextInt(originals.size()));
            entries.add(corrupt(original, 1 + random.nextInt(3)));
        }
        java.util.Collections.shuffle(entries, random);
        return entries;
    }

    /**
     * Two lists of the same {@code people} people for linkage: list 0 as one source typed them, list 1 as another
     * did (one or two errors each). Every true pair joins an entry of list 0 with one of list 1.
     */
    List<Entry> linkageLists(int people) {
        List<Entry> entries = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Entry original = person(p, 0);
            entries.add(original);
            Entry copy = corrupt(original, 1 + random.nextInt(2));
            entries.add(new Entry(copy.person(), copy.given(), copy.family(), copy.dateOfBirth(), copy.address(),
                    copy.nationalId(), 1, copy.errors()));
        }
        java.util.Collections.shuffle(entries, random);
        return entries;
    }

    private Entry person(int id, int list) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String[] group = families.get(zipf(families.size()));
        String family = group[0];
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
        String nationalId = random.nextInt(4) == 0 ? String.format("%011d", Math.abs(random.nextLong()) % 100_000_000_000L)
                : null;
        return new Entry(id, given, family, born, address(), nationalId, list, List.of());
    }

    /** Index into a list, skewed so that common surnames are common (about 1/rank). */
    private int zipf(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.exp(u * Math.log(n + 1.0))) - 1);
    }

    private PostalAddress address() {
        int city = random.nextInt(CITIES.length);
        String street = STREETS[random.nextInt(STREETS.length)] + STREET_KINDS[random.nextInt(STREET_KINDS.length)];
        String postcode = String.valueOf(10000 + city * 3000 + random.nextInt(40) * 10 + random.nextInt(3));
        return new PostalAddress(street + " " + (1 + random.nextInt(120)), CITIES[city], null, postcode, "DE");
    }

    private Entry corrupt(Entry e, int errors) {
        Entry out = e;
        for (int i = 0; i < errors; i++) {
            out = corruptOnce(out);
        }
        return out;
    }

    private Entry corruptOnce(Entry e) {
        String given = e.given();
        String family = e.family();
        LocalDate born = e.dateOfBirth();
        PostalAddress address = e.address();
        int kind = random.nextInt(12);
        switch (kind) {
            case 0 -> family = typo(family);
            case 1 -> given = given == null ? null : typo(given);
            case 2 -> family = soundAlike(family);
            case 3 -> given = given == null ? null : NICKNAMES.getOrDefault(given, given.substring(0, 1) + ".");
            case 4 -> given = given == null ? null : given.substring(0, 1) + ".";
            case 5 -> {
                if (given != null) {
                    String swap = given;
                    given = family;
                    family = swap;
                }
            }
            case 6 -> given = family == null ? given : null;
            case 7 -> address = address();
            case 8 -> address = address == null ? null : new PostalAddress(address.street(), address.city(), null,
                    typoDigit(address.postalCode()), address.countryCode());
            case 9 -> address = address == null ? null : new PostalAddress(otherNumber(typoStreet(address.street())),
                    address.city(), null, address.postalCode(), address.countryCode());
            case 10 -> born = born == null ? null : corruptDate(born);
            default -> {
                if (random.nextBoolean()) {
                    born = null;
                } else {
                    address = null;
                }
            }
        }
        List<String> errors = new ArrayList<>(e.errors());
        errors.add(kind == 11 ? (born == null && e.dateOfBirth() != null ? "birth date missing" : "address missing")
                : ERRORS[kind]);
        return new Entry(e.person(), given, family, born, address, e.nationalId(), e.list(), errors);
    }

    private String soundAlike(String family) {
        for (String[] group : FAMILY) {
            for (String name : group) {
                if (name.equals(family) && group.length > 1) {
                    String other;
                    do {
                        other = group[random.nextInt(group.length)];
                    } while (other.equals(family));
                    return other;
                }
            }
        }
        return typo(family);
    }

    /** One typing error: a letter substituted, dropped, doubled or swapped with its neighbour. */
    private String typo(String word) {
        if (word.length() < 3) {
            return word + LETTERS.charAt(random.nextInt(LETTERS.length()));
        }
        int at = 1 + random.nextInt(word.length() - 2);
        char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + c + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }

    private String typoDigit(String digits) {
        int at = random.nextInt(digits.length());
        char other = (char) ('0' + (digits.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
        return digits.substring(0, at) + other + digits.substring(at + 1);
    }

    private String typoStreet(String street) {
        int space = street.lastIndexOf(' ');
        return random.nextBoolean() ? typo(street.substring(0, space)) + street.substring(space) : street;
    }

    private String otherNumber(String street) {
        int space = street.lastIndexOf(' ');
        return random.nextBoolean() ? street : street.substring(0, space) + " " + (1 + random.nextInt(120));
    }

    private LocalDate corruptDate(LocalDate born) {
        if (random.nextBoolean() && born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
            return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        }
        return switch (random.nextInt(3)) {
            case 0 -> born.plusDays(born.getDayOfMonth() < 20 ? 10 : -10);
            case 1 -> born.plusYears(born.getYear() % 10 < 9 ? 1 : -1);
            default -> born.plusDays(born.getDayOfMonth() < 28 ? 1 : -1);
        };
    }
}
