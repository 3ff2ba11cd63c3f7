package dev.crmkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A database the benchmarks run on: a pooled data source over a fresh, empty schema. */
enum Backend {
    H2 {
        @Override
        String url() {
            return "jdbc:h2:mem:crmkit-bench;DB_CLOSE_DELAY=-1";
        }
    },
    POSTGRES {
        @Override
        String url() {
            String url = System.getenv("CRMKIT_BENCH_POSTGRES_URL");
            return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/crm_bench?user=postgres&reWriteBatchedInserts=true";
        }
    };

    abstract String url();

    HikariDataSource open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + name().toLowerCase());
        HikariDataSource dataSource = new HikariDataSource(config);
        dropCrmTables(dataSource);
        return dataSource;
    }

    /** Starts each run from nothing, so both contenders write into the same empty tables. */
    private static void dropCrmTables(HikariDataSource dataSource) {
        String[] tables = {"crm_outbox", "crm_due_work", "crm_task", "crm_interaction", "crm_custom_field_definition",
            "crm_relationship", "crm_contact_point", "crm_customer_field", "crm_customer_tag", "crm_customer",
            "crm_lock", "crm_schema_history"};
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the benchmark database", e);
        }
    }
}
