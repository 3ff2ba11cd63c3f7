package dev.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * The current row of a result, read the way the dialect stores ids and instants. Columns are named by their
 * lower-case labels and read by position, because drivers resolve a name on every call (H2 upper-cases it into
 * a new string each time, a measurable share of reading a page). The labels come from {@link #labelsOf}, which
 * {@link Database} keeps per statement text.
 */
final class Row {
    private final ResultSet rows;
    private final Dialect dialect;
    private final String[] labels;
    private int next = 1;

    /** A row over {@code rows}, whose columns are {@code labels} (from {@link #labelsOf}; index 0 unused). */
    Row(ResultSet rows, Dialect dialect, String[] labels) {
        this.rows = rows;
        this.dialect = dialect;
        this.labels = labels;
    }

    /**
     * The lower-case column labels of a result, from position 1; interned, so that the mappers' column names,
     * which are constants, compare equal by identity.
     */
    static String[] labelsOf(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        String[] labels = new String[meta.getColumnCount() + 1];
        for (int i = 1; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i).toLowerCase(Locale.ROOT).intern();
        }
        return labels;
    }

    /**
     * The position of a column. Mappers read the columns in the order the query selects them, so the column after
     * the last one read is tried first, then every label from the first (the adapter's queries select a label
     * once, so the order of the search does not matter).
     */
    private int at(String column) throws SQLException {
        int position = next < labels.length && labels[next].equals(column) ? next : search(column);
        next = position + 1;
        return position;
    }

    private int search(String column) throws SQLException {
        for (int i = 1; i < labels.length; i++) {
            if (labels[i].equals(column)) {
                return i;
            }
        }
        return rows.findColumn(column);
    }

    UUID id(String column) throws SQLException {
        return dialect.readId(rows, at(column));
    }

    Instant instant(String column) throws SQLException {
        return dialect.readInstant(rows, at(column));
    }

    String text(String column) throws SQLException {
        return rows.getString(at(column));
    }

    long number(String column) throws SQLException {
        return rows.getLong(at(column));
    }

    int integer(String column) throws SQLException {
        return rows.getInt(at(column));
    }

    boolean flag(String column) throws SQLException {
        return rows.getBoolean(at(column));
    }

    /** An integer column that may be NULL. */
    Integer optionalInteger(String column) throws SQLException {
        int value = rows.getInt(at(column));
        return rows.wasNull() ? null : value;
    }

    /** A BIGINT column that may be NULL. */
    Long optionalNumber(String column) throws SQLException {
        long value = rows.getLong(at(column));
        return rows.wasNull() ? null : value;
    }

    /** A boolean column that may be NULL. */
    Boolean optionalFlag(String column) throws SQLException {
        boolean value = rows.getBoolean(at(column));
        return rows.wasNull() ? null : value;
    }

    BigDecimal decimal(String column) throws SQLException {
        return rows.getBigDecimal(at(column));
    }

    LocalDate date(String column) throws SQLException {
        return rows.getObject(at(column), LocalDate.class);
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String column) throws SQLException {
        String name = rows.getString(at(column));
        return name == null ? null : Enum.valueOf(type, name);
    }
}
