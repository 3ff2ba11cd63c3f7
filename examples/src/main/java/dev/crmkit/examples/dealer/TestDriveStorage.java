package dev.crmkit.examples.dealer;

import dev.crmkit.spi.StorageCapability;

/**
 * The dealer domain's storage capability. A storage offers it when the host adds it:
 * {@code jdbcStorage.with(TestDriveStorage.class, new JdbcTestDrives(jdbcStorage))}.
 */
@FunctionalInterface
public interface TestDriveStorage extends StorageCapability {
    /** The test drive store. */
    TestDriveStore testDrives();
}
