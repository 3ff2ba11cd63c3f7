package dev.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A host's own SQL, run by {@link JdbcStorage#read} or {@link JdbcStorage#write} on the connection of CRMKit's current
 * unit: how a host's domain keeps its own tables in the same database and commits with CRMKit's writes. The work uses
 * the connection it is given and neither commits, rolls back nor closes it.
 */
@FunctionalInterface
public interface ConnectionWork<T> {
    /** Does the work on {@code connection}; an {@link SQLException} is translated into a {@code CrmException}. */
    T run(Connection connection) throws SQLException;
}
