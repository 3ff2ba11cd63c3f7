package dev.crmkit.benchmarks;

import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * (a) Bulk import of customers, each with an e-mail address, a phone number and a tag: CRMKit's import (validation,
 * normalization, match keys, duplicate checks within the batch and against storage, outbox events) against raw
 * batched JDBC inserting exactly the rows CRMKit writes, in batches of the same size and one transaction per batch.
 *
 * <p>The raw contender's rows are CRMKit's own: before anything is timed, CRMKit imports the same customers into a
 * shape tenant, and the raw contender reads every row that import wrote (customer, contact points, tag, match keys,
 * outbox events, whatever else a later version writes) and inserts copies of them for its own tenant, each id
 * replaced by a fresh time-ordered (version 7) id as CRMKit's are, and the tenant and ids inside event payloads
 * replaced to match. So both contenders write the same tables, the same number of rows with the same values and the
 * same kind of keys; the raw one does none of the reads, checks and computing in between. The run fails when the two
 * tenants end with different row counts in any table.
 */
final class ImportBenchmark {
    static final int BATCH = 500;
    /** The customers of one contender's turn: ten batches. */
    static final int TURN = 10 * BATCH;
    private static final String RAW = "raw";
    private static final String CRMKIT = "crmkit";
    private static final String SHAPE = "import-shape";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final DataSource dataSource;
    private final JdbcStorage storage;

    ImportBenchmark(DataSource dataSource, JdbcStorage storage) {
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /**
     * The outcome: customers per second for each contender, the rows each wrote per customer, and where CRMKit's round
     * trips go per batch of {@link #BATCH} (counted after the timed part, on two more batches), and the CPU time each
     * contender's thread spent per customer in the timed part (microseconds; the database's own work not included),
     * which a loaded machine disturbs less than the rates.
     */
    record Result(int customers, double crmkitPerSecond, double rawPerSecond, double rowsPerCustomer,
            String crmkitPerBatch, double crmkitCpuMicros, double rawCpuMicros) {
        double ratio() {
            return crmkitPerSecond / rawPerSecond;
        }
    }

    /** One table's rows for one customer, as CRMKit wrote them into the shape tenant. */
    private record TableRows(String table, List<Object[]> rows) {
    }

    /** A table CRMKit's import writes to: its insert statement, its columns and their SQL types. */
    private record TableShape(String table, List<String> columns, int[] types) {
        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    Result run(int customers) throws SQLException {
        // A warm-up of each contender in its own tenant, so both are measured with the JIT warm and import into a
        // tenant that already holds customers, as a host's would; the measured rows are numbered after them.
        int warm = Math.min(customers, 5_000);
        CrmKitImport.run(storage, SHAPE, 0, warm + customers);
        Map<String, TableShape> tables = tablesWritten();
        List<List<TableRows>> shape = shapeRows(tables, warm + customers);
        CustomerService crmkit = CrmKitImport.service(storage, CRMKIT);
        rawImport(tables, shape.subList(0, warm));
        CrmKitImport.run(crmkit, 0, warm);
        analyze(tables.keySet());
        // the contenders take turns of TURN customers, each going first every other turn: a database's background
        // work after one contender's writes (InnoDB flushing its pages, say) falls on both rather than on whichever
        // ran second, which moved MariaDB's ratio between 0.52 and 0.68 from run to run when each ran all at once
        long[] rawTime = new long[2];
        long[] crmkitTime = new long[2];
        for (int from = warm, turn = 0; from < warm + customers; from += TURN, turn++) {
            int first = from;
            int size = Math.min(TURN, warm + customers - first);
            Turns.Part raw = () -> rawImport(tables, shape.subList(first, first + size));
            Turns.Part ours = () -> {
                int imported = CrmKitImport.run(crmkit, first, size);
                if (imported != size) {
                    throw new IllegalStateException("CRMKit imported " + imported + " of " + size + " customers");
                }
            };
            Turns.take(turn, rawTime, raw, crmkitTime, ours);
        }
        long rows = verifySameRowCounts(tables.keySet());
        // after the timed part and the check: two more batches, counted, to say where the round trips go
        StatementCount count = new StatementCount();
        CrmKitImport.run(JdbcStorage.builder().dataSource(count.around(dataSource)).build(), CRMKIT,
                warm + customers, 2 * BATCH);
        return new Result(customers, customers / (crmkitTime[0] / 1e9), customers / (rawTime[0] / 1e9),
                rows / (double) (warm + customers), count.perCall(2), crmkitTime[1] / 1e3 / customers,
                rawTime[1] / 1e3 / customers);
    }

    /**
     * The tables that hold rows of the shape tenant after its import, customers first (the rows others refer to),
     * with their columns, leaving out columns the database fills itself (the outbox's sequence).
     */
    private Map<String, TableShape> tablesWritten() throws SQLException {
        Map<String, TableShape> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    String name = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith("crm_") && hasColumn(c, r.getString("TABLE_NAME"), "tenant_id")) {
                        names.add(name);
                    }
                }
            }
            names.sort((a, b) -> a.equals("crm_customer") ? -1 : b.equals("crm_customer") ? 1 : a.compareTo(b));
            for (String name : names) {
                if (count(c, name, SHAPE) == 0) {
                    continue;
                }
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<String> columns = new ArrayList<>();
                    List<Integer> types = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!meta.isAutoIncrement(i) && !meta.getColumnName(i).equalsIgnoreCase("sequence")) {
                            columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                            types.add(meta.getColumnType(i));
                        }
                    }
                    tables.put(name, new TableShape(name, columns, types.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
        }
        return tables;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
            while (r.next()) {
                if (r.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every row the shape tenant's import wrote, grouped by customer number (the {@code erp-N} reference) and table.
     * A row belongs to the customer it names: by {@code id} in the customer table, {@code customer_id} elsewhere,
     * {@code aggregateid} in the outbox. A row that names none stops the run: the raw contender could not copy it.
     */
    private List<List<TableRows>> shapeRows(Map<String, TableShape> tables, int customers) throws SQLException {
        Map<String, Integer> numberOf = new HashMap<>();
        List<List<TableRows>> byCustomer = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            List<TableRows> rows = new ArrayList<>();
            for (String table : tables.keySet()) {
                rows.add(new TableRows(table, new ArrayList<>(4)));
            }
            byCustomer.add(rows);
        }
        try (Connection c = dataSource.getConnection()) {
            int t = 0;
            for (TableShape table : tables.values()) {
                String owner = table.table().equals("crm_customer") ? "id"
                        : table.columns().contains("customer_id") ? "customer_id"
                        : table.columns().contains("aggregateid") ? "aggregateid" : null;
                if (owner == null) {
                    throw new IllegalStateException(table.table() + ": the import wrote rows naming no customer");
                }
                try (PreparedStatement p = c.prepareStatement("SELECT " + String.join(", ", table.columns()) + ", "
                        + owner + " FROM " + table.table() + " WHERE tenant_id = ?")) {
                    p.setString(1, SHAPE);
                    try (ResultSet r = p.executeQuery()) {
                        int width = table.columns().size();
                        while (r.next()) {
                            Object[] row = new Object[width];
                            for (int i = 0; i < width; i++) {
                                row[i] = r.getObject(i + 1);
                            }
                            if (table.table().equals("crm_customer")) {
                                String ref = (String) row[table.columns().indexOf("external_ref")];
                                numberOf.put(r.getString(width + 1), Integer.parseInt(ref.substring("erp-".length())));
                            }
                            Integer number = numberOf.get(r.getString(width + 1));
                            if (number == null) {
                                throw new IllegalStateException(table.table() + ": a row names no imported customer");
                            }
                            byCustomer.get(number).get(t).rows().add(row);
                        }
                    }
                }
                t++;
            }
        }
        return byCustomer;
    }

    /**
     * Inserts copies of the given customers' rows for the raw tenant, in batches of {@link #BATCH} customers, one
     * transaction each: tenant replaced, every id (in id columns, in id-valued text such as the outbox's aggregate
     * id and inside event payloads) mapped to a new time-ordered id, the same new id wherever the old one appears.
     */
    private void rawImport(Map<String, TableShape> tables, List<List<TableRows>> customers) throws SQLException {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        List<TableShape> shapes = List.copyOf(tables.values());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<PreparedStatement> inserts = new ArrayList<>();
            try {
                for (TableShape shape : shapes) {
                    inserts.add(c.prepareStatement(shape.insert()));
                }
                for (int n = 0; n < customers.size(); n++) {
                    Map<String, String> newIds = new HashMap<>();
                    List<TableRows> rows = customers.get(n);
                    for (int t = 0; t < shapes.size(); t++) {
                        TableShape shape = shapes.get(t);
                        PreparedStatement insert = inserts.get(t);
                        for (Object[] row : rows.get(t).rows()) {
                            for (int i = 0; i < row.length; i++) {
                                Object value = copy(shape.columns().get(i), row[i], newIds, ids);
                                if (value == null) {
                                    insert.setNull(i + 1, shape.types()[i]);
                                } else {
                                    insert.setObject(i + 1, value);
                                }
                            }
                            insert.addBatch();
                        }
                    }
                    if ((n + 1) % BATCH == 0 || n == customers.size() - 1) {
                        for (PreparedStatement insert : inserts) {
                            insert.executeBatch();
                        }
                        c.commit();
                    }
                }
            } finally {
                for (PreparedStatement insert : inserts) {
                    insert.close();
                }
            }
        }
    }

    /** One value of a copied row: the raw tenant for the shape tenant, new ids for old ones, the rest as it was. */
    private static Object copy(String column, Object value, Map<String, String> newIds, IdGenerator ids) {
        if (column.equals("tenant_id")) {
            return RAW;
        }
        if (value instanceof java.util.UUID id) {
            return java.util.UUID.fromString(newIds.computeIfAbsent(id.toString(), old -> ids.next().toString()));
        }
        if (value instanceof String text) {
            Matcher m = UUID_TEXT.matcher(text);
            if (!m.find()) {
                return text.contains("\"" + SHAPE + "\"") ? text.replace("\"" + SHAPE + "\"", "\"" + RAW + "\"") : text;
            }
            StringBuilder out = new StringBuilder();
            m.reset();
            while (m.find()) {
                m.appendReplacement(out, newIds.computeIfAbsent(m.group(), old -> ids.next().toString()));
            }
            m.appendTail(out);
            return out.toString().replace("\"" + SHAPE + "\"", "\"" + RAW + "\"");
        }
        return value;
    }

    /**
     * Gives PostgreSQL's planner statistics of the warmed-up tables, as autovacuum does on a production server
     * once a table has grown by a tenth. The benchmark machine runs PostgreSQL with autovacuum off; without any
     * statistics the planner takes a tenant as a handful of rows and reads the duplicate checks' {@code IN} lists
     * as a filter over the tenant's whole index range instead of index lookups (see docs/operations.md). H2 and
     * MariaDB keep their statistics themselves.
     */
    private void analyze(Iterable<String> tables) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                for (String table : tables) {
                    s.execute("ANALYZE " + table);
                }
            }
        }
    }

    /**
     * Both contenders must have written the same rows, or the comparison means nothing: every table the import
     * writes holds as many rows of the raw tenant as of CRMKit's. Returns how many rows each wrote in all.
     */
    private long verifySameRowCounts(Iterable<String> tables) throws SQLException {
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables) {
                long raw = count(c, table, RAW);
                long crmkit = count(c, table, CRMKIT);
                if (raw != crmkit) {
                    throw new IllegalStateException(table + ": raw wrote " + raw + " rows, CRMKit " + crmkit);
                }
                total += raw;
            }
        }
        return total;
    }

    private static long count(Connection c, String table, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
            p.setString(1, tenant);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
