/**
 * The storage contract in SQL for H2, PostgreSQL and MariaDB.
 *
 * <p>Start at {@link dev.crmkit.jdbc.JdbcStorage}: build it over a {@link javax.sql.DataSource}, optionally
 * with a {@link dev.crmkit.jdbc.ConnectionSource} to join the host's transactions. The schema comes with the
 * jar as versioned scripts that {@link dev.crmkit.jdbc.SchemaMigrator} (or Flyway) applies. Everything else in
 * the package is package-private: one store class per SPI store, the criteria-to-SQL translation, and the
 * connection and unit handling in {@code Database}.
 */
package dev.crmkit.jdbc;
