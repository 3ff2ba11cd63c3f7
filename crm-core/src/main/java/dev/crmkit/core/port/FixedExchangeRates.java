package dev.crmkit.core.port;

import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exchange rates from a fixed table: for a pair and a day, the rate of the latest date on or before that day. A pair
 * given only the other way round is answered with the inverse rate (to twelve decimal places, half-even), recorded
 * as a rate of the asked direction. Immutable; {@link #with} returns a larger table.
 */
public final class FixedExchangeRates implements ExchangeRates {
    private static final int INVERSE_SCALE = 12;

    private final List<ExchangeRate> rates;
    private final Map<String, NavigableMap<LocalDate, ExchangeRate>> byPair;

    private FixedExchangeRates(List<ExchangeRate> rates) {
        this.rates = List.copyOf(rates);
        Map<String, NavigableMap<LocalDate, ExchangeRate>> index = new HashMap<>();
        for (ExchangeRate rate : this.rates) {
            NavigableMap<LocalDate, ExchangeRate> dates = index.computeIfAbsent(key(rate.from(), rate.to()),
                    k -> new TreeMap<>());
            if (dates.putIfAbsent(rate.date(), rate) != null) {
                throw new ValidationException("rates", "hold two rates of " + rate.from() + "/" + rate.to()
                        + " for " + rate.date());
            }
        }
        this.byPair = Collections.unmodifiableMap(index);
    }

    /**
     * A table of the given rates.
     *
     * @throws ValidationException ({@code rates}) when null, holding a null, or holding two rates of one pair for one
     *     day
     */
    public static FixedExchangeRates of(List<ExchangeRate> rates) {
        if (rates == null || rates.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("rates", "must be a list without nulls");
        }
        return new FixedExchangeRates(rates);
    }

    /**
     * This table and one more rate.
     *
     * @throws ValidationException ({@code rates}) when the table already has a rate of that pair for that day
     */
    public FixedExchangeRates with(ExchangeRate rate) {
        if (rate == null) {
            throw new ValidationException("rate", "is required");
        }
        List<ExchangeRate> more = new ArrayList<>(rates);
        more.add(rate);
        return new FixedExchangeRates(more);
    }

    /** The rates of the table, in the order given. */
    public List<ExchangeRate> rates() {
        return rates;
    }

    @Override
    public Optional<ExchangeRate> rate(Currency from, Currency to, LocalDate date) {
        if (from == null || to == null || date == null) {
            throw new ValidationException(from == null ? "from" : to == null ? "to" : "date", "is required");
        }
        Optional<ExchangeRate> direct = latest(from, to, date);
        if (direct.isPresent()) {
            return direct;
        }
        return latest(to, from, date).map(inverse -> new ExchangeRate(from, to, inverse.date(),
                BigDecimal.ONE.divide(inverse.rate(), INVERSE_SCALE, RoundingMode.HALF_EVEN)));
    }

    private Optional<ExchangeRate> latest(Currency from, Currency to, LocalDate date) {
        NavigableMap<LocalDate, ExchangeRate> dates = byPair.get(key(from, to));
        return dates == null ? Optional.empty() : Optional.ofNullable(dates.floorEntry(date)).map(Map.Entry::getValue);
    }

    private static String key(Currency from, Currency to) {
        return from.getCurrencyCode() + "/" + to.getCurrencyCode();
    }
}
