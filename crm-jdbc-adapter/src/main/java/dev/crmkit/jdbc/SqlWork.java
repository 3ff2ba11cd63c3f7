package dev.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A step that talks to the database over one connection. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
