package dev.crmkit.spi;

import java.util.Comparator;
import java.util.UUID;

/**
 * The one ordering of ids that every adapter uses for keyset pages: unsigned, byte by byte, which is the
 * order of the lower-case canonical text form and the order PostgreSQL's {@code uuid} type sorts in. Time-ordered
 * (version 7) ids therefore sort by creation time. {@link UUID#compareTo} compares signed and is not this order.
 */
public final class Ids {
    /** Compares two ids unsigned, most significant bits first. */
    public static final Comparator<UUID> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private Ids() {
    }
}
