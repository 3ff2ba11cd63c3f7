package dev.crmkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.spi.Storage;
import dev.crmkit.tck.StorageContract;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The whole storage contract on H2, a new in-memory database for every test. */
class H2StorageContractTest extends StorageContract {
    private final Map<Storage, HikariDataSource> pools = new IdentityHashMap<>();
    private Storage latest;

    @Override
    protected Storage newStorage() {
        HikariDataSource pool = TestDatabases.freshH2();
        Storage storage = JdbcStorage.builder().dataSource(pool).migrate(true).build();
        pools.put(storage, pool);
        latest = storage;
        return storage;
    }

    @Override
    protected void closeStorage(Storage storage) {
        TestDatabases.dropH2(pools.remove(storage));
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
            return pools.get(latest);
        }
    }
}
