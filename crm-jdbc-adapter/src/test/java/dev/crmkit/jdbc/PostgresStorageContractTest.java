package dev.crmkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.spi.Storage;
import dev.crmkit.tck.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The whole storage contract on PostgreSQL ({@value TestDatabases#POSTGRES}): migrated once per class, every
 * data table emptied before each test.
 */
class PostgresStorageContractTest extends StorageContract {
    private static HikariDataSource pool;
    private static JdbcStorage storage;
    private Storage latest;

    @Override
    protected Storage newStorage() {
        if (pool == null) {
            pool = TestDatabases.pool(TestDatabases.requiredUrl(TestDatabases.POSTGRES), 8);
            storage = JdbcStorage.builder().dataSource(pool).migrate(true).build();
        }
        TestDatabases.empty(pool);
        latest = storage;
        return storage;
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /** The adapter's own quick checks, on the same backend. */
    @Nested
    class Jdbc_basics extends JdbcSmokeChecks {
        @Override
        Storage storage() {
            return latest;
        }

        @Override
        javax.sql.DataSource dataSource() {
            return pool;
        }
    }
}
