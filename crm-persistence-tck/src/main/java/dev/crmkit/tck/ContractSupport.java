package dev.crmkit.tck;

import dev.crmkit.spi.Storage;
import java.time.Instant;

/**
 * What every part of the contract suite shares: the storage under test, fresh and empty for each test, and
 * the fixed instants tests write (microsecond precision, as every backend stores).
 */
public abstract class ContractSupport {
    /** A fixed instant tests use as "now" so results do not depend on the machine's clock. */
    protected static final Instant NOW = Instant.parse("2026-03-01T09:30:00.123456Z");

    /** The storage under test: fresh and empty at the start of every test. */
    protected abstract Storage storage();
}
