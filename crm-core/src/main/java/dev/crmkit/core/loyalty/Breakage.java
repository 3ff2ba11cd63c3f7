package dev.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A programme's breakage in a period, {@code from} inclusive to {@code to} exclusive, in redeemable points: what was
 * issued (accruals), what expired and what was redeemed in the period and in all before its end, and what was
 * outstanding at its end. The storage sums the ledgers.
 *
 * <p>{@link #rate()} is the realised breakage of the period, expired relative to issued. {@link #expectedToBreak()}
 * estimates how many of the outstanding points will expire, on one stated assumption: that they end as the points that
 * have already ended did, expired or redeemed, in the same proportion. It says nothing while no point has ended, and
 * it is only as good as that assumption (a young programme, or a change of rules, makes it poor).
 *
 * @param programme the programme's code
 * @param from the period's start, inclusive
 * @param to the period's end, exclusive
 * @param issued the points accrued in the period
 * @param expired the points expired in the period
 * @param redeemed the points redeemed in the period
 * @param issuedToDate the points accrued before {@code to}
 * @param expiredToDate the points expired before {@code to}
 * @param redeemedToDate the points redeemed before {@code to}
 * @param outstanding the points available at {@code to}
 */
public record Breakage(String programme, Instant from, Instant to, long issued, long expired, long redeemed,
        long issuedToDate, long expiredToDate, long redeemedToDate, long outstanding) {

    /** The period's expired points relative to its issued ones, at scale 4 (half-even); empty when none was issued. */
    public Optional<BigDecimal> rate() {
        return issued == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(expired).divide(BigDecimal.valueOf(issued), 4,
                        RoundingMode.HALF_EVEN));
    }

    /**
     * The outstanding points expected to expire: {@code outstanding} times the share of the points ended so far that
     * expired, {@code expiredToDate / (expiredToDate + redeemedToDate)}, rounded half-even; empty when no point has
     * expired or been redeemed yet.
     */
    public OptionalLong expectedToBreak() {
        long ended = expiredToDate + redeemedToDate;
        if (ended <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(BigDecimal.valueOf(outstanding).multiply(BigDecimal.valueOf(expiredToDate))
                .divide(BigDecimal.valueOf(ended), 0, RoundingMode.HALF_EVEN).longValueExact());
    }
}
