package dev.crmkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A database the benchmarks run on: a pooled data source over a fresh, empty schema. */
enum Backend {
    H2 {
        @Override
        String url() {
            // CRMKIT_BENCH_H2_URL lets a run try H2 settings (QUERY_CACHE_SIZE) for both contenders alike
            String url = System.getenv("CRMKIT_BENCH_H2_URL");
            return url != null ? url : "jdbc:h2:mem:crmkit-bench;DB_CLOSE_DELAY=-1";
        }
    },
    POSTGRES {
        @Override
        String url() {
            String url = System.getenv("CRMKIT_BENCH_POSTGRES_URL");
            return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/crm_bench?user=postgres&reWriteBatchedInserts=true";
        }
    },
    MARIADB {
        @Override
        String url() {
            String url = System.getenv("CRMKIT_BENCH_MARIADB_URL");
            return url != null ? url : "jdbc:mariadb://127.0.0.1:3306/crm_bench?user=root";
        }
    };

    abstract String url();

    HikariDataSource open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + name().toLowerCase());
        if (this == MARIADB) {
            // as docs/operations.md recommends: CRMKit's units then need no SET TRANSACTION; the raw contenders'
            // transactions run at the same level
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        dropCrmTables(dataSource);
        return dataSource;
    }

    /**
     * Starts each run from nothing, so both contenders write into the same empty tables: drops every {@code crm_}
     * table the database holds, whichever schema version left them.
     */
    private static void dropCrmTables(HikariDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (table.toLowerCase(Locale.ROOT).startsWith("crm_")) {
                        tables.add(table);
                    }
                }
            }
            if (c.getMetaData().getDatabaseProductName().equals("MariaDB")) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the benchmark database", e);
        }
    }
}
