package dev.crmkit.jdbc;

import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.customer.SharedValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pages of values shared by two or more customers: first the page of values (GROUP BY ... HAVING COUNT(DISTINCT
 * customer) > 1, keyset on the value), then the customers of exactly those values in one query.
 */
final class SharedValues {
    private SharedValues() {
    }

    /**
     * @param rows        {@code SELECT <value> AS shared FROM ... WHERE ...} without grouping
     * @param members     {@code SELECT <value> AS shared, <customer> AS owner FROM ... WHERE ... AND <value> IN }
     * @param parameters  the parameters of the WHERE clause both share
     */
    static Page<SharedValue> page(Database db, Connection c, PageRequest page, String rows, String valueColumn,
            String ownerColumn, List<?> parameters, String members) throws SQLException {
        List<Object> groupParameters = new ArrayList<>(parameters);
        StringBuilder sql = new StringBuilder(rows);
        if (page.after() != null) {
            sql.append(" AND ").append(valueColumn).append(" > ?");
            groupParameters.add(page.after().keys(1).get(0));
        }
        sql.append(" GROUP BY ").append(valueColumn).append(" HAVING COUNT(DISTINCT ").append(ownerColumn)
                .append(") > 1 ORDER BY ").append(valueColumn).append(Database.limit(page.limit()));
        List<String> values = db.list(c, sql.toString(), groupParameters, r -> r.text("shared"));
        if (values.isEmpty()) {
            return Page.empty();
        }
        List<Object> memberParameters = new ArrayList<>(parameters);
        memberParameters.addAll(values);
        Map<String, Set<UUID>> owners = new LinkedHashMap<>();
        values.forEach(v -> owners.put(v, new HashSet<>()));
        db.list(c, members + Database.placeholders(values.size()), memberParameters,
                r -> owners.get(r.text("shared")).add(r.id("owner")));
        List<SharedValue> items = new ArrayList<>();
        owners.forEach((value, ids) -> items.add(new SharedValue(value, ids)));
        Optional<Cursor> next = values.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(values.get(values.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }
}
