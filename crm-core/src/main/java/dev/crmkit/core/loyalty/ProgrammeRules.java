package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How members of a programme earn points. A purchase line earns at the base rate (points of each currency per unit of
 * the programme's currency spent, rounded down per line); the multipliers of its category, the order's channel, each
 * promotion open when it was bought, and the member's tier then apply one after the other in that order, each rounded
 * down, so the explanation of an accrual says exactly what each rule added (or, with a factor below 1, took away). A
 * tier bonus multiplies redeemable points only, so a tier does not speed its own keeping; a member without a tier gets
 * none. Activity awards earn fixed points whatever is spent. Spend in another currency earns nothing.
 *
 * <p>Start with {@link #earning(String, String)} and add rules with the {@code with...} methods, each returning a copy.
 *
 * @param currency the ISO 4217 currency whose spend earns points
 * @param qualifyingPerUnit qualifying points per currency unit spent, 0 to 1,000 with at most four places
 * @param redeemablePerUnit redeemable points per currency unit spent, 0 to 1,000 with at most four places
 * @param returnWindowDays how many days a purchase's points stay pending before they post, 0 to 365
 * @param categoryMultipliers the factor per product category, each 0 to 100 with at most four places
 * @param channelMultipliers the factor per sales channel code
 * @param promotions the promotions, in the order they apply, codes distinct
 * @param tierBonuses the factor on redeemable points per tier code
 * @param activities what each activity code (such as {@code visit}, {@code review}, {@code referral}; at most
 *     {@link #MAX_ACTIVITY_CODE} characters) awards
 * @param pointValue what one redeemable point is worth in {@code currency} (above 0, at most
 *     {@link #MAX_POINT_VALUE}, at most four places), the value the programme's outstanding liability is counted in;
 *     null when the programme defines none
 * @param expiry how redeemable points expire ({@link ExpiryPolicy#none()} unless set)
 */
public record ProgrammeRules(String currency, BigDecimal qualifyingPerUnit, BigDecimal redeemablePerUnit,
        int returnWindowDays, Map<String, BigDecimal> categoryMultipliers, Map<String, BigDecimal> channelMultipliers,
        List<Promotion> promotions, Map<String, BigDecimal> tierBonuses, Map<String, ActivityAward> activities,
        BigDecimal pointValue, ExpiryPolicy expiry) {

    /** The most rules (multipliers, promotions, bonuses and activities together) a programme may have. */
    public static final int MAX_RULES = 500;
    /** The largest factor of a multiplier. */
    public static final BigDecimal MAX_FACTOR = BigDecimal.valueOf(100);
    /** The highest base rate. */
    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(1000);
    /** The longest return window, in days. */
    public static final int MAX_RETURN_WINDOW_DAYS = 365;
    /** How an activity award's ledger entry names its source: this prefix and the activity's code. */
    public static final String ACTIVITY_SOURCE = "activity.";
    /** The longest activity code, so that the source type of its entries fits its 64 characters. */
    public static final int MAX_ACTIVITY_CODE = 64 - ACTIVITY_SOURCE.length();
    /** The most one point may be worth, in units of the programme's currency. */
    public static final BigDecimal MAX_POINT_VALUE = BigDecimal.valueOf(100);

    /**
     * Checks the rules above; factors and rates are normalized to scale 4, maps are sorted by key.
     *
     * @throws ValidationException naming the first component that breaks one, with the key for a map entry
     *     ({@code categoryMultipliers[apparel]}) and the position for a promotion ({@code promotions[1].code})
     */
    public ProgrammeRules {
        Checks.currency("currency", currency);
        qualifyingPerUnit = rate("qualifyingPerUnit", qualifyingPerUnit);
        redeemablePerUnit = rate("redeemablePerUnit", redeemablePerUnit);
        if (returnWindowDays < 0 || returnWindowDays > MAX_RETURN_WINDOW_DAYS) {
            throw new ValidationException("returnWindowDays", "must be from 0 to " + MAX_RETURN_WINDOW_DAYS);
        }
        categoryMultipliers = factors("categoryMultipliers", categoryMultipliers);
        channelMultipliers = factors("channelMultipliers", channelMultipliers);
        tierBonuses = factors("tierBonuses", tierBonuses);
        promotions = List.copyOf(Checks.noNulls("promotions", promotions));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < promotions.size(); i++) {
            if (!codes.add(promotions.get(i).code())) {
                throw new ValidationException("promotions[" + i + "].code", "repeats another promotion's code");
            }
        }
        Checks.required("activities", activities);
        TreeMap<String, ActivityAward> sortedActivities = new TreeMap<>();
        activities.forEach((code, award) -> {
            Checks.text("activities", code, MAX_ACTIVITY_CODE);
            sortedActivities.put(code, Checks.required("activities[" + code + "]", award));
        });
        activities = Collections.unmodifiableMap(sortedActivities);
        if (pointValue != null) {
            pointValue = Checks.scaled("pointValue", pointValue, 4);
            if (pointValue.signum() <= 0 || pointValue.compareTo(MAX_POINT_VALUE) > 0) {
                throw new ValidationException("pointValue", "must be above 0 and at most " + MAX_POINT_VALUE);
            }
        }
        Checks.required("expiry", expiry);
        int rules = categoryMultipliers.size() + channelMultipliers.size() + promotions.size() + tierBonuses.size()
                + activities.size() + (pointValue == null ? 0 : 1);
        if (rules > MAX_RULES) {
            throw new ValidationException("rules", "must be at most " + MAX_RULES + " in all, not " + rules);
        }
    }

    /**
     * Rules earning {@code perUnit} qualifying and redeemable points per unit of {@code currency} spent, points
     * posting at once (no return window), and no multipliers, promotions, bonuses or activities yet.
     */
    public static ProgrammeRules earning(String currency, String perUnit) {
        BigDecimal rate = decimal("perUnit", perUnit);
        return new ProgrammeRules(currency, rate, rate, 0, Map.of(), Map.of(), List.of(), Map.of(), Map.of(), null,
                ExpiryPolicy.none());
    }

    /**
     * Rules without a point value whose points never expire ({@link ExpiryPolicy#none()}), as programmes were before
     * they had either.
     *
     * @throws ValidationException as the canonical constructor does
     */
    public ProgrammeRules(String currency, BigDecimal qualifyingPerUnit, BigDecimal redeemablePerUnit,
            int returnWindowDays, Map<String, BigDecimal> categoryMultipliers,
            Map<String, BigDecimal> channelMultipliers, List<Promotion> promotions, Map<String, BigDecimal> tierBonuses,
            Map<String, ActivityAward> activities) {
        this(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays, categoryMultipliers, channelMultipliers,
                promotions, tierBonuses, activities, null, ExpiryPolicy.none());
    }

    /** These rules with another expiry policy. */
    public ProgrammeRules withExpiry(ExpiryPolicy expiry) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, channelMultipliers, promotions, tierBonuses, activities, pointValue, expiry);
    }

    /** These rules with other base rates. */
    public ProgrammeRules withRates(BigDecimal qualifyingPerUnit, BigDecimal redeemablePerUnit) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, channelMultipliers, promotions, tierBonuses, activities, pointValue, expiry);
    }

    /** These rules with points pending for {@code days} after a purchase. */
    public ProgrammeRules withReturnWindowDays(int days) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, days, categoryMultipliers,
                channelMultipliers, promotions, tierBonuses, activities, pointValue, expiry);
    }

    /** These rules with a multiplier for a product category (replacing one it had). */
    public ProgrammeRules withCategory(String category, String factor) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                put(categoryMultipliers, category, factor), channelMultipliers, promotions, tierBonuses, activities,
                pointValue, expiry);
    }

    /** These rules with a multiplier for a sales channel (replacing one it had). */
    public ProgrammeRules withChannel(String channel, String factor) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, put(channelMultipliers, channel, factor), promotions, tierBonuses, activities,
                pointValue, expiry);
    }

    /** These rules with one more promotion, applied after the others. */
    public ProgrammeRules withPromotion(Promotion promotion) {
        List<Promotion> more = new ArrayList<>(promotions);
        more.add(Checks.required("promotion", promotion));
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, channelMultipliers, more, tierBonuses, activities, pointValue, expiry);
    }

    /** These rules with a bonus factor on the redeemable points of a tier's members (replacing one it had). */
    public ProgrammeRules withTierBonus(String tier, String factor) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, channelMultipliers, promotions, put(tierBonuses, tier, factor), activities,
                pointValue, expiry);
    }

    /** These rules with what an activity awards (replacing what it awarded). */
    public ProgrammeRules withActivity(String activity, ActivityAward award) {
        Map<String, ActivityAward> more = new TreeMap<>(activities);
        more.put(Checks.text("activity", activity, MAX_ACTIVITY_CODE), Checks.required("award", award));
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, channelMultipliers, promotions, tierBonuses, more, pointValue, expiry);
    }

    /**
     * These rules with what one redeemable point is worth in the programme's currency ({@code "0.01"}: a hundred
     * points are worth one unit), replacing the value they had. A revision to another value is a new version of the
     * programme; what is outstanding is counted at the value the programme has when the liability is asked for.
     *
     * @throws ValidationException ({@code pointValue}) unless the value is above 0 and at most
     *     {@link #MAX_POINT_VALUE} with at most four places
     */
    public ProgrammeRules withPointValue(String value) {
        return new ProgrammeRules(currency, qualifyingPerUnit, redeemablePerUnit, returnWindowDays,
                categoryMultipliers, channelMultipliers, promotions, tierBonuses, activities,
                decimal("pointValue", value), expiry);
    }

    private static Map<String, BigDecimal> put(Map<String, BigDecimal> factors, String key, String factor) {
        Map<String, BigDecimal> more = new TreeMap<>(factors);
        more.put(Checks.text("key", key, 64), decimal("factor", factor));
        return more;
    }

    private static Map<String, BigDecimal> factors(String field, Map<String, BigDecimal> factors) {
        Checks.required(field, factors);
        TreeMap<String, BigDecimal> sorted = new TreeMap<>();
        factors.forEach((key, factor) -> {
            Checks.text(field, key, 64);
            sorted.put(key, factor(field + "[" + key + "]", factor));
        });
        return Collections.unmodifiableMap(sorted);
    }

    /** A decimal number written as text ({@code "1.5"}). */
    static BigDecimal decimal(String field, String text) {
        Checks.required(field, text);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a decimal number such as 1.5");
        }
    }

    /** A multiplier from 0 to 100 with at most four places, at scale 4. */
    static BigDecimal factor(String field, BigDecimal factor) {
        BigDecimal scaled = Checks.scaled(field, factor, 4);
        if (scaled.signum() < 0 || scaled.compareTo(MAX_FACTOR) > 0) {
            throw new ValidationException(field, "must be from 0 to " + MAX_FACTOR);
        }
        return scaled;
    }

    private static BigDecimal rate(String field, BigDecimal rate) {
        BigDecimal scaled = Checks.scaled(field, rate, 4);
        if (scaled.signum() < 0 || scaled.compareTo(MAX_RATE) > 0) {
            throw new ValidationException(field, "must be from 0 to " + MAX_RATE);
        }
        return scaled;
    }
}
