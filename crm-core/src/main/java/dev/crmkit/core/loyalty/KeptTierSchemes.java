package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.TierSchemeRecord;
import dev.crmkit.spi.loyalty.TierSchemeStamp;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The tier schemes postings read, kept per tenant and programme for the next posting, by one {@link LoyaltyModule}.
 * A posting reads the scheme's stamp with the membership, in the same statement and unit
 * ({@code LoyaltyStorage.postingTarget}); the kept scheme is used only while that stamp matches it (the same id,
 * version and moment of storing), so a revision stored on any node is read again by the next posting that sees it.
 * A revision in a unit that rolled back cannot be mistaken for the one stored later under the same version: that
 * one was stored at another moment.
 */
final class KeptTierSchemes {
    /** How many programmes' schemes are kept at most; beyond them, schemes are read every time. */
    static final int MOST = 10_000;

    private record Programme(String tenantId, String code) {
    }

    private final Map<Programme, TierSchemeRecord> kept = new ConcurrentHashMap<>();

    /**
     * The scheme the stamp names: the kept one when it matches, else what {@code read} reads (and keeps). Empty
     * without reading when the stamp is null: the programme has no scheme.
     */
    Optional<TierSchemeRecord> scheme(String tenantId, String programme, TierSchemeStamp stamp,
            Supplier<Optional<TierSchemeRecord>> read) {
        if (stamp == null) {
            return Optional.empty();
        }
        Programme key = new Programme(tenantId, programme);
        TierSchemeRecord known = kept.get(key);
        if (stamp.matches(known)) {
            return Optional.of(known);
        }
        Optional<TierSchemeRecord> fresh = read.get();
        if (fresh.isPresent() && (kept.size() < MOST || kept.containsKey(key))) {
            kept.put(key, fresh.get());
        }
        return fresh;
    }
}
