package dev.crmkit.core.forecast;

import dev.crmkit.core.port.ExchangeRate;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.spi.Ids;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Turns the storage's forecast cells (per bucket, owner, category and currency) into a {@link PipelineForecast}:
 * converts each currency of a period at one rate, adds the cells up per owner, per manager (walking up each owner's
 * management chain) and in total, and rounds each sum once, at the end, to the reporting currency's places.
 */
final class PipelineRollup {
    private static final Comparator<UUID> MEMBER = Comparator.nullsFirst(Ids.ORDER);

    private final List<FiscalPeriod> periods;
    private final Currency currency;
    private final Map<UUID, UUID> managerOf;
    private final BiFunction<Currency, LocalDate, Optional<ExchangeRate>> rates;
    private final LocalDate today;
    private final Map<List<Object>, ExchangeRate> used = new LinkedHashMap<>();

    /**
     * @param periods the periods the cells' buckets index
     * @param currency the reporting currency
     * @param managerOf each team member's manager (members without one are absent)
     * @param rates the rate from a currency into {@code currency} on a day
     * @param today the day the forecast is made, in the calendar's zone
     */
    PipelineRollup(List<FiscalPeriod> periods, Currency currency, Map<UUID, UUID> managerOf,
            BiFunction<Currency, LocalDate, Optional<ExchangeRate>> rates, LocalDate today) {
        this.periods = periods;
        this.currency = currency;
        this.managerOf = managerOf;
        this.rates = rates;
        this.today = today;
    }

    private record Key(int bucket, UUID memberId, ForecastCategory category) {
    }

    private static final class Sum {
        long deals;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;

        void add(long count, BigDecimal a, BigDecimal w) {
            deals += count;
            amount = amount.add(a);
            weighted = weighted.add(w);
        }
    }

    PipelineForecast roll(List<ForecastCell> cells) {
        Set<UUID> managers = new HashSet<>(managerOf.values());
        Map<Key, Sum> owners = new HashMap<>();
        Map<Key, Sum> teams = new HashMap<>();
        Map<Key, Sum> totals = new HashMap<>();
        for (ForecastCell cell : cells) {
            BigDecimal factor = factor(cell.bucket(), cell.currency());
            BigDecimal amount = cell.amount().multiply(factor);
            BigDecimal weighted = cell.weightedAmount().multiply(factor);
            add(owners, new Key(cell.bucket(), cell.ownerId(), cell.category()), cell.count(), amount, weighted);
            add(totals, new Key(cell.bucket(), null, cell.category()), cell.count(), amount, weighted);
            for (UUID member : chain(cell.ownerId())) {
                if (managers.contains(member)) {
                    add(teams, new Key(cell.bucket(), member, cell.category()), cell.count(), amount, weighted);
                }
            }
        }
        List<RateUsed> rateList = new ArrayList<>();
        used.keySet().stream().sorted(Comparator.comparing((List<Object> k) -> (Integer) k.get(0))
                .thenComparing(k -> (String) k.get(1)))
                .forEach(key -> rateList.add(new RateUsed(periods.get((Integer) key.get(0)), used.get(key))));
        return new PipelineForecast(currency, periods, lines(owners), lines(teams), lines(totals), rateList);
    }

    private static void add(Map<Key, Sum> sums, Key key, long count, BigDecimal amount, BigDecimal weighted) {
        sums.computeIfAbsent(key, k -> new Sum()).add(count, amount, weighted);
    }

    /** The owner and every manager above them, nearest first; empty for unowned deals. */
    private List<UUID> chain(UUID ownerId) {
        List<UUID> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (UUID member = ownerId; member != null && seen.add(member); member = managerOf.get(member)) {
            chain.add(member);
        }
        return chain;
    }

    /** The factor converting the cell's currency into the reporting one in the bucket's period; 1 for no rate. */
    private BigDecimal factor(int bucket, String code) {
        if (code == null || code.equals(currency.getCurrencyCode())) {
            return BigDecimal.ONE;
        }
        List<Object> key = List.of(bucket, code);
        ExchangeRate rate = used.get(key);
        if (rate == null) {
            FiscalPeriod period = periods.get(bucket);
            LocalDate lastDay = period.end().minusDays(1);
            LocalDate day = lastDay.isAfter(today) ? today : lastDay;
            Currency from = Currency.getInstance(code);
            rate = rates.apply(from, day).orElseThrow(() -> new NotFoundException("exchange rate",
                    code + "/" + currency.getCurrencyCode() + "@" + day));
            used.put(key, rate);
        }
        return rate.rate();
    }

    private List<ForecastLine> lines(Map<Key, Sum> sums) {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        List<ForecastLine> lines = new ArrayList<>();
        sums.forEach((key, sum) -> lines.add(new ForecastLine(periods.get(key.bucket()), key.memberId(),
                key.category(), sum.deals, sum.amount.setScale(scale, RoundingMode.HALF_EVEN),
                sum.weighted.setScale(scale, RoundingMode.HALF_EVEN))));
        Map<FiscalPeriod, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        lines.sort(Comparator.comparing((ForecastLine l) -> index.get(l.period()))
                .thenComparing(ForecastLine::memberId, MEMBER).thenComparing(ForecastLine::category));
        return lines;
    }
}
