package dev.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The current row of a result, read the way the dialect stores ids and instants. */
final class Row {
    private final ResultSet rows;
    private final Dialect dialect;

    Row(ResultSet rows, Dialect dialect) {
        this.rows = rows;
        this.dialect = dialect;
    }

    UUID id(String column) throws SQLException {
        return dialect.readId(rows, column);
    }

    Instant instant(String column) throws SQLException {
        return dialect.readInstant(rows, column);
    }

    String text(String column) throws SQLException {
        return rows.getString(column);
    }

    long number(String column) throws SQLException {
        return rows.getLong(column);
    }

    int integer(String column) throws SQLException {
        return rows.getInt(column);
    }

    boolean flag(String column) throws SQLException {
        return rows.getBoolean(column);
    }

    BigDecimal decimal(String column) throws SQLException {
        return rows.getBigDecimal(column);
    }

    LocalDate date(String column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String column) throws SQLException {
        String name = rows.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
