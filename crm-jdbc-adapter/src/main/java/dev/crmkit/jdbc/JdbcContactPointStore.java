package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.SharedValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Contact points in {@code crm_contact_point}, the postal address in its own columns. */
final class JdbcContactPointStore implements ContactPointStore {
    private static final String TYPE = "contact point";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, customer_id, kind, label,"
            + " contact_value, street, city, region, postal_code, country_code, is_primary";
    private static final String INSERT = "INSERT INTO crm_contact_point (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Comparator<ContactPointRecord> CUSTOMER_ORDER = Comparator
            .comparing(ContactPointRecord::kind)
            .thenComparing(ContactPointRecord::primary, Comparator.reverseOrder())
            .thenComparing(ContactPointRecord::id, Ids.ORDER);
    private static final int CHUNK = 500;

    private final Database db;

    JdbcContactPointStore(Database db) {
        this.db = db;
    }

    @Override
    public ContactPointRecord insert(ContactPointRecord contactPoint) {
        insertAll(List.of(Checks.required("contactPoint", contactPoint)));
        return contactPoint.version() == 1 ? contactPoint
                : contactPoint.movedTo(contactPoint.customerId(), 1, contactPoint.updatedAt());
    }

    @Override
    public void insertAll(List<ContactPointRecord> contactPoints) {
        Checks.noNulls("contactPoints", contactPoints);
        if (contactPoints.isEmpty()) {
            return;
        }
        db.write(TYPE, Map.of(), c -> {
            List<List<?>> rows = new ArrayList<>();
            for (ContactPointRecord p : contactPoints) {
                rows.add(row(p, 1));
            }
            db.batch(c, INSERT, rows);
            return null;
        });
    }

    @Override
    public ContactPointRecord update(ContactPointRecord contactPoint, long expectedVersion) {
        Checks.required("contactPoint", contactPoint);
        return db.write(TYPE, Map.of(), c -> {
            PostalAddress a = contactPoint.address();
            int changed = db.update(c, "UPDATE crm_contact_point SET version = ?, updated_at = ?, customer_id = ?,"
                    + " kind = ?, label = ?, contact_value = ?, street = ?, city = ?, region = ?, postal_code = ?,"
                    + " country_code = ?, is_primary = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, contactPoint.updatedAt(), contactPoint.customerId(),
                            contactPoint.kind(), contactPoint.label(), contactPoint.value(),
                            a == null ? null : a.street(), a == null ? null : a.city(), a == null ? null : a.region(),
                            a == null ? null : a.postalCode(), a == null ? null : a.countryCode(),
                            contactPoint.primary(), contactPoint.tenantId(), contactPoint.id(), expectedVersion));
            if (changed == 0) {
                throw missingOrStale(c, contactPoint.tenantId(), contactPoint.id(), expectedVersion);
            }
            return load(c, contactPoint.tenantId(), contactPoint.id()).orElseThrow();
        });
    }

    @Override
    public void delete(String tenantId, UUID id, long expectedVersion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.write(TYPE, Map.of(), c -> {
            int deleted = db.update(c, "DELETE FROM crm_contact_point WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(tenantId, id, expectedVersion));
            if (deleted == 0) {
                throw missingOrStale(c, tenantId, id, expectedVersion);
            }
            return null;
        });
    }

    @Override
    public Optional<ContactPointRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public List<ContactPointRecord> forCustomer(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        List<ContactPointRecord> found = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS
                + " FROM crm_contact_point WHERE tenant_id = ? AND customer_id = ?", List.of(tenantId, customerId),
                JdbcContactPointStore::contactPoint)));
        found.sort(CUSTOMER_ORDER);
        return found;
    }

    @Override
    public List<ContactPointRecord> forCustomers(String tenantId, List<UUID> customerIds) {
        Checks.tenantId("tenantId", tenantId);
        Checks.noNulls("customerIds", customerIds);
        if (customerIds.isEmpty()) {
            return List.of();
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(customerIds));
        return db.read(TYPE, c -> {
            List<ContactPointRecord> found = new ArrayList<>();
            for (int from = 0; from < distinct.size(); from += CHUNK) {
                List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
                List<Object> parameters = new ArrayList<>();
                String sql = "SELECT " + COLUMNS + " FROM " + db.oneOf("crm_contact_point", "p",
                        "ix_crm_contact_point_customer", List.of("tenant_id"), List.of(tenantId), "customer_id", chunk,
                        parameters);
                found.addAll(db.list(c, sql, parameters, JdbcContactPointStore::contactPoint));
            }
            return found;
        });
    }

    @Override
    public List<ContactPointRecord> findByValue(String tenantId, ContactPointKind kind, String value, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Checks.text("value", value, 320);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS + " FROM crm_contact_point WHERE tenant_id = ?"
                + " AND kind = ? AND contact_value = ? ORDER BY id" + Database.limit(limit), List.of(tenantId, kind, value),
                JdbcContactPointStore::contactPoint));
    }

    @Override
    public List<ContactPointRecord> findByValues(String tenantId, ContactPointKind kind, Collection<String> values,
            int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("values", values)));
        Checks.limit("values.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<ContactPointRecord> found = db.read(TYPE, c -> {
            List<ContactPointRecord> all = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHUNK) {
                List<Object> parameters = new ArrayList<>();
                String sql = "SELECT " + COLUMNS + " FROM " + db.oneOf("crm_contact_point", "p",
                        "ix_crm_contact_point_value", List.of("tenant_id", "kind"), List.of(tenantId, kind), "contact_value",
                        wanted.subList(from, Math.min(wanted.size(), from + CHUNK)), parameters)
                        + " ORDER BY p.id" + Database.limit(limit);
                all.addAll(db.list(c, sql, parameters, JdbcContactPointStore::contactPoint));
            }
            return all;
        });
        // Each chunk is ordered and limited by the database; merging chunks needs one more sort in id order.
        found.sort(Comparator.comparing(ContactPointRecord::id, Ids.ORDER));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public Set<String> existingValues(String tenantId, ContactPointKind kind, Collection<String> values) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("values", values)));
        Checks.limit("values.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        return db.read(TYPE, c -> db.existing(c, "crm_contact_point", List.of("tenant_id", "kind"),
                List.of(tenantId, kind), "contact_value", wanted));
    }

    @Override
    public Page<SharedValue> sharedValues(String tenantId, ContactPointKind kind, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Checks.required("page", page);
        return db.read(TYPE, c -> SharedValues.page(db, c, page,
                "SELECT contact_value AS shared FROM crm_contact_point WHERE tenant_id = ? AND kind = ?",
                "contact_value", "customer_id", List.of(tenantId, kind),
                "SELECT contact_value AS shared, customer_id AS owner FROM crm_contact_point WHERE tenant_id = ?"
                        + " AND kind = ? AND contact_value IN "));
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, Map.of(), c -> db.update(c, "UPDATE crm_contact_point SET customer_id = ?,"
                + " version = version + 1, updated_at = ? WHERE tenant_id = ? AND customer_id = ?",
                List.of(toCustomerId, at, tenantId, fromCustomerId)));
    }

    private Optional<ContactPointRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_contact_point WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id), JdbcContactPointStore::contactPoint);
    }

    private RuntimeException missingOrStale(Connection c, String tenantId, UUID id, long expectedVersion)
            throws SQLException {
        return load(c, tenantId, id).isPresent()
                ? ConflictException.staleVersion(TYPE, id, expectedVersion)
                : new NotFoundException(TYPE, id);
    }

    private static List<?> row(ContactPointRecord p, long version) {
        PostalAddress a = p.address();
        return Arrays.asList(p.tenantId(), p.id(), version, p.createdAt(), p.updatedAt(), p.customerId(), p.kind(),
                p.label(), p.value(), a == null ? null : a.street(), a == null ? null : a.city(),
                a == null ? null : a.region(), a == null ? null : a.postalCode(), a == null ? null : a.countryCode(),
                p.primary());
    }

    private static ContactPointRecord contactPoint(Row r) throws SQLException {
        String street = r.text("street");
        PostalAddress address = street == null ? null : new PostalAddress(street, r.text("city"), r.text("region"),
                r.text("postal_code"), r.text("country_code"));
        return new ContactPointRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("customer_id"), r.enumValue(ContactPointKind.class, "kind"),
                r.text("label"), r.text("contact_value"), address, r.flag("is_primary"));
    }
}
