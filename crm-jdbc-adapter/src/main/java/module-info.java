/**
 * The storage SPI in SQL for H2, PostgreSQL and MariaDB: exports {@code dev.crmkit.jdbc} ({@code JdbcStorage} and its
 * builder, {@code ConnectionSource}, {@code Dialect}, {@code SchemaMigrator}); the stores and the SQL behind them are
 * package-private. {@code java.sql} is required transitively because the builder takes a {@code javax.sql.DataSource}.
 *
 * <p>The migration scripts are resources in {@code dev/crmkit/jdbc/migration/<dialect>/}. The built-in migrator
 * reads them from inside this module, which needs nothing; the three folders are opened so that a host's own
 * migration tool (Flyway, Liquibase), which finds them through a class loader as {@code docs/jdbc-adapter.md}
 * shows, can read them when CRMKit runs on the module path too. They hold no classes, so opening them exposes
 * nothing else.
 */
module dev.crmkit.jdbc {
    requires transitive dev.crmkit.spi;
    requires transitive java.sql;
    requires org.slf4j;

    exports dev.crmkit.jdbc;

    opens dev.crmkit.jdbc.migration.h2;
    opens dev.crmkit.jdbc.migration.mariadb;
    opens dev.crmkit.jdbc.migration.postgresql;
}
