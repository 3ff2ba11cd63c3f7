package dev.crmkit.spi.message;

import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.time.Instant;

/**
 * Send rates shared by every node and tenant on the storage: one row per named limit, such as one provider account's
 * messages per second. Unlike the other stores it is not scoped by tenant, because a provider's limit is per account
 * and one account serves every tenant of a host.
 *
 * <p>A limit grants one permit every {@code interval} and lets up to {@code burst} permits go at once after a quiet
 * spell: the generic cell rate algorithm, with one instant kept per limit (the "theoretical arrival time"
 * {@code tat}, at microseconds). A take at {@code now} is granted when {@code max(tat, now) - now <= (burst - 1) *
 * interval}, and then sets {@code tat = max(tat, now) + interval}; otherwise it is refused until
 * {@code tat - (burst - 1) * interval} and changes nothing. A limit never taken from has {@code tat} in the past. Over
 * any span of length {@code t}, at most {@code burst + t / interval} permits are granted, whoever takes them, as long
 * as every taker passes the same interval and burst.
 */
public interface SendRateStore {
    /** The longest interval between permits. */
    Duration MAX_INTERVAL = Duration.ofDays(1);

    /** The most permits a limit lets go at once. */
    int MAX_BURST = 10_000;

    /**
     * Takes one permit of the named limit at {@code now}, as the class documentation says. Takes from any number of
     * threads and nodes at once are serialized on the limit, so no permit is granted twice. Runs in its own unit,
     * committed before it returns, whether or not the caller is inside one: a permit is spent once granted, and other
     * nodes see it at once.
     *
     * @param limit the limit's name, 1 to 64 characters, compared exactly
     * @param interval the time between permits, in whole microseconds (a fraction is cut off): at least 1
     *     microsecond, at most {@link #MAX_INTERVAL}
     * @param burst how many permits may go at once: 1 to {@link #MAX_BURST}
     * @param now the caller's time; truncated to microseconds
     * @throws ValidationException naming the argument that is null or out of range
     */
    RatePermit take(String limit, Duration interval, int burst, Instant now);
}
