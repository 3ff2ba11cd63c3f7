package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.message.RatePermit;
import dev.crmkit.spi.message.SendRateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Send rates in {@code crm_send_rate}, one row per limit, taken by one conditional {@code UPDATE} on a connection of
 * its own: {@code SET tat_micros = GREATEST(tat_micros, now) + interval WHERE rate_name = ? AND tat_micros <= now +
 * tolerance}. The row lock serializes takers on every node, and at READ COMMITTED a taker that waited re-reads the row
 * its predecessor committed, so no permit is granted twice. A limit's first take inserts its row; a taker that loses
 * that race takes again.
 */
final class JdbcSendRateStore implements SendRateStore {
    private static final String TYPE = "send rate";
    private static final int TRIES = 3;

    private final Database db;

    JdbcSendRateStore(Database db) {
        this.db = db;
    }

    @Override
    public RatePermit take(String limit, Duration interval, int burst, Instant now) {
        Checks.text("limit", limit, 64);
        Checks.required("interval", interval);
        if (interval.compareTo(Duration.ofNanos(1_000)) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new ValidationException("interval", "must be between 1 microsecond and 1 day");
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new ValidationException("burst", "must be between 1 and " + MAX_BURST);
        }
        Instant at = Checks.instant("now", now);
        long step = interval.toNanos() / 1_000;
        long tolerance = step * (burst - 1);
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        for (int attempt = 1; ; attempt++) {
            try {
                return db.detached(TYPE, c -> {
                    int taken = db.update(c, "UPDATE crm_send_rate SET tat_micros = GREATEST(tat_micros, ?) + ?"
                            + " WHERE rate_name = ? AND tat_micros <= ?",
                            List.of(nowMicros, step, limit, nowMicros + tolerance));
                    if (taken > 0) {
                        return RatePermit.grant();
                    }
                    Optional<Long> arrival = db.one(c, "SELECT tat_micros FROM crm_send_rate WHERE rate_name = ?",
                            List.of(limit), r -> r.number("tat_micros"));
                    if (arrival.isPresent()) {
                        return RatePermit.refusedUntil(Instant.EPOCH.plus(arrival.get() - tolerance,
                                ChronoUnit.MICROS));
                    }
                    db.update(c, "INSERT INTO crm_send_rate (rate_name, tat_micros) VALUES (?, ?)",
                            List.of(limit, nowMicros + step));
                    return RatePermit.grant();
                });
            } catch (DuplicateException e) {
                // another taker inserted the limit's row first: take again, now that it exists
                if (attempt == TRIES) {
                    throw new StorageFailureException("the send rate row could not be created", e);
                }
            }
        }
    }
}
