package dev.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where CRMKit gets the connection of the host's current unit of work, for a host that manages transactions
 * itself (Spring's {@code DataSourceUtils}, a JTA-aware pool, a hand-written unit of work). CRMKit then joins
 * the host's transaction: it never commits, rolls back or changes the auto-commit mode of a connection in a
 * transaction (auto-commit off). A connection in auto-commit mode has no transaction to join; CRMKit then runs
 * its unit as a transaction of its own on it and hands it back in auto-commit mode.
 *
 * <pre>{@code
 * ConnectionSource spring = new ConnectionSource() {
 *     public Connection obtain() { return DataSourceUtils.getConnection(dataSource); }
 *     public void release(Connection c) { DataSourceUtils.releaseConnection(c, dataSource); }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionSource {
    /** The connection of the current unit of work; called once per store call or CRMKit unit. */
    Connection obtain() throws SQLException;

    /** Hands back a connection obtained from {@link #obtain()}; the default closes it. */
    default void release(Connection connection) throws SQLException {
        connection.close();
    }
}
