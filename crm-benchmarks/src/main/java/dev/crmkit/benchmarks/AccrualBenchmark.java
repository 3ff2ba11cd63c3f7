package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.loyalty.DefineProgramme;
import dev.crmkit.core.loyalty.EnrolMember;
import dev.crmkit.core.loyalty.LoyaltyService;
import dev.crmkit.core.loyalty.PostPoints;
import dev.crmkit.core.loyalty.ProgrammeRules;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.CustomerRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * (f) Points accrual: CRMKit's {@code LoyaltyService.post} of an activity accrual, one call and one transaction per
 * accrual (the idempotency key looked up, the membership read, its ledger entry appended, its cached balances stored
 * over its version, a {@code loyalty.membership.points-posted} event in the outbox, the tier check), against raw JDBC
 * writing the same rows one transaction per accrual: the ledger row, the membership's balances updated over its
 * version ({@code UPDATE ... WHERE version = ?}, the statement CRMKit's store runs) and the outbox row with the same
 * payload. The raw contender is the only writer of its tenant and keeps the balances and versions in memory, so it
 * reads nothing. Two shapes: a few hot accounts that every accrual goes to in turn, and many cold accounts that each
 * take one measured accrual. Each contender enrols its members first (not timed) and warms up in its own tenant; the
 * measured accruals are made in turns of {@value #BLOCK}, raw and CRMKit alternating which goes first. After the check
 * that both tenants hold the same rows, a few more accruals of the hot shape go through a {@link StatementCount}, to
 * print what each contender sends the database per accrual.
 */
final class AccrualBenchmark {
    private static final String PROGRAMME = "club";
    private static final long POINTS = 10;
    /** How many accruals a contender makes in one turn of the measured part. */
    private static final int BLOCK = 250;

    private final DataSource dataSource;
    private final JdbcStorage storage;

    AccrualBenchmark(DataSource dataSource, JdbcStorage storage) {
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /** The outcome: accruals per second for each contender, on how many accounts. */
    record Result(String shape, int accruals, int accounts, double crmkitPerSecond, double rawPerSecond,
            String crmkitRoundTrips, String rawRoundTrips, double cpuRatio) {
        double ratio() {
            return crmkitPerSecond / rawPerSecond;
        }
    }

    /** A member as the raw contender tracks it. */
    private static final class Account {
        final UUID membershipId;
        final UUID customerId;
        long balance;
        long version = 1;

        Account(UUID membershipId, UUID customerId) {
            this.membershipId = membershipId;
            this.customerId = customerId;
        }
    }

    /** {@code accruals} measured accruals spread over {@code accounts} members in turn. */
    Result run(String shape, int accruals, int accounts) throws SQLException {
        int warm = Math.min(accruals, 2_000);
        int members = accounts >= accruals ? warm + accruals : accounts;
        String crmkitTenant = "accrual-crmkit-" + shape;
        String rawTenant = "accrual-raw-" + shape;
        Crm crm = Crm.builder().storage(storage).build();
        List<Account> crmkitAccounts = enrol(crm, crmkitTenant, members);
        List<Account> rawAccounts = enrol(crm, rawTenant, members);
        LoyaltyService loyalty = crm.tenant(crmkitTenant).service(LoyaltyService.class);
        boolean cold = accounts >= accruals;
        crmkit(loyalty, crmkitAccounts, 0, warm, cold);
        raw(dataSource, rawTenant, rawAccounts, 0, warm, cold);
        analyze();
        // the contenders take turns, a block each, each going first every other turn: on a machine that other work
        // shares, a burst of load falls on both rather than on whichever ran at that moment
        long[] rawTime = new long[2];
        long[] crmkitTime = new long[2];
        for (int from = warm, turn = 0; from < warm + accruals; from += BLOCK, turn++) {
            int first = from;
            int block = Math.min(BLOCK, warm + accruals - first);
            Turns.take(turn, rawTime, () -> raw(dataSource, rawTenant, rawAccounts, first, block, cold),
                    crmkitTime, () -> crmkit(loyalty, crmkitAccounts, first, block, cold));
        }
        verifySameRows(crmkitTenant, rawTenant);
        // after the timed part and the check: a few more accruals, counted, to say where the round trips go
        int counted = cold ? 0 : Math.min(accruals, 200);
        StatementCount crmkitCount = new StatementCount();
        StatementCount rawCount = new StatementCount();
        if (counted > 0) {
            JdbcStorage countedStorage = JdbcStorage.builder().dataSource(crmkitCount.around(dataSource)).build();
            crmkit(Crm.builder().storage(countedStorage).build().tenant(crmkitTenant).service(LoyaltyService.class),
                    crmkitAccounts, warm + accruals, counted, false);
            raw(rawCount.around(dataSource), rawTenant, rawAccounts, warm + accruals, counted, false);
        }
        return new Result(shape, accruals, cold ? accruals : accounts, accruals / (crmkitTime[0] / 1e9),
                accruals / (rawTime[0] / 1e9), counted > 0 ? crmkitCount.perCall(counted) : "",
                counted > 0 ? rawCount.perCall(counted) : "", (double) rawTime[1] / crmkitTime[1]);
    }

    private List<Account> enrol(Crm crm, String tenantId, int members) {
        LoyaltyService loyalty = crm.tenant(tenantId).service(LoyaltyService.class);
        loyalty.defineProgramme(DefineProgramme.of(PROGRAMME, ProgrammeRules.earning("EUR", "1")));
        List<Account> accounts = new ArrayList<>(members);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < members; i++) {
            UUID customerId = UUID.randomUUID();
            storage.customers().insert(new CustomerRecord(tenantId, customerId, 1, now, now, PartyKind.PERSON,
                    "Member " + i, null, null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(),
                    null));
            accounts.add(new Account(loyalty.enrol(EnrolMember.of(customerId, PROGRAMME)).id(), customerId));
        }
        return accounts;
    }

    /** The account the accrual numbered {@code n} goes to: its own one when cold, the next in turn when hot. */
    private static Account account(List<Account> accounts, int n, boolean cold) {
        return accounts.get(cold ? n : n % accounts.size());
    }

    private static void crmkit(LoyaltyService loyalty, List<Account> accounts, int first, int accruals,
            boolean cold) {
        for (int n = first; n < first + accruals; n++) {
            loyalty.post(PostPoints.accrual(account(accounts, n, cold).membershipId, POINTS, "activity.visit", null,
                    "visit-" + n));
        }
    }

    private static void raw(DataSource dataSource, String tenantId, List<Account> accounts, int first, int accruals,
            boolean cold) throws SQLException {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        try (Connection c = dataSource.getConnection();
                PreparedStatement entry = c.prepareStatement("INSERT INTO crm_loyalty_ledger (tenant_id, id,"
                        + " membership_id, kind, qualifying_points, redeemable_points, source_type, source_ref,"
                        + " idempotency_key, posted_at)"
                        + " VALUES (?, ?, ?, 'ACCRUAL', ?, ?, 'activity.visit', NULL, ?, ?)");
                PreparedStatement member = c.prepareStatement("UPDATE crm_loyalty_membership SET version = ?,"
                        + " updated_at = ?, qualifying_points = ?, redeemable_points = ? WHERE tenant_id = ? AND id = ?"
                        + " AND version = ?");
                PreparedStatement outbox = c.prepareStatement("INSERT INTO crm_outbox (tenant_id, id, aggregatetype,"
                        + " aggregateid, type, payload, occurred_at) VALUES (?, ?, 'loyalty.membership', ?,"
                        + " 'loyalty.membership.points-posted', ?, ?)")) {
            boolean mariadb = c.getMetaData().getDatabaseProductName().equals("MariaDB");
            c.setAutoCommit(false);
            for (int n = first; n < first + accruals; n++) {
                Account a = account(accounts, n, cold);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                UUID entryId = ids.next();
                entry.setString(1, tenantId);
                id(entry, 2, entryId, mariadb);
                id(entry, 3, a.membershipId, mariadb);
                entry.setLong(4, POINTS);
                entry.setLong(5, POINTS);
                entry.setString(6, "visit-" + n);
                instant(entry, 7, now, mariadb);
                entry.executeUpdate();
                a.balance += POINTS;
                member.setLong(1, a.version + 1);
                instant(member, 2, now, mariadb);
                member.setLong(3, a.balance);
                member.setLong(4, a.balance);
                member.setString(5, tenantId);
                id(member, 6, a.membershipId, mariadb);
                member.setLong(7, a.version);
                if (member.executeUpdate() != 1) {
                    throw new IllegalStateException("the raw update found no membership at its version");
                }
                a.version++;
                outbox.setString(1, tenantId);
                id(outbox, 2, ids.next(), mariadb);
                outbox.setString(3, a.membershipId.toString());
                outbox.setString(4, "{\"tenantId\":\"" + tenantId + "\",\"membershipId\":\"" + a.membershipId
                        + "\",\"customerId\":\"" + a.customerId + "\",\"entryId\":\"" + entryId
                        + "\",\"kind\":\"ACCRUAL\",\"qualifyingPoints\":" + POINTS + ",\"redeemablePoints\":"
                        + POINTS + ",\"qualifyingBalance\":" + a.balance + ",\"redeemableBalance\":" + a.balance
                        + ",\"sourceType\":\"activity.visit\",\"sourceReference\":null,\"occurredAt\":\"" + now
                        + "\"}");
                instant(outbox, 5, now, mariadb);
                outbox.executeUpdate();
                c.commit();
            }
        }
    }

    private static void id(PreparedStatement p, int index, UUID id, boolean mariadb) throws SQLException {
        if (mariadb) {
            p.setString(index, id.toString());
        } else {
            p.setObject(index, id);
        }
    }

    private static void instant(PreparedStatement p, int index, Instant at, boolean mariadb) throws SQLException {
        if (mariadb) {
            p.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        } else {
            p.setObject(index, at.atOffset(ZoneOffset.UTC));
        }
    }

    /** Planner statistics for PostgreSQL, as {@link ImportBenchmark} gives them and for the same reason. */
    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                for (String table : new String[] {"crm_loyalty_ledger", "crm_loyalty_membership", "crm_outbox",
                    "crm_loyalty_programme", "crm_loyalty_tier_scheme"}) {
                    s.execute("ANALYZE " + table);
                }
            }
        }
    }

    /** Fails the run unless both tenants end with the same ledger rows, balances and outbox rows. */
    private void verifySameRows(String crmkitTenant, String rawTenant) throws SQLException {
        for (String sql : new String[] {"SELECT COUNT(*) FROM crm_loyalty_ledger WHERE tenant_id = ?",
            "SELECT SUM(redeemable_points) FROM crm_loyalty_membership WHERE tenant_id = ?",
            "SELECT SUM(version) FROM crm_loyalty_membership WHERE tenant_id = ?",
            "SELECT COUNT(*) FROM crm_outbox WHERE tenant_id = ? AND type = 'loyalty.membership.points-posted'"}) {
            long crmkit = single(sql, crmkitTenant);
            long raw = single(sql, rawTenant);
            if (crmkit != raw) {
                throw new IllegalStateException(sql + ": CRMKit " + crmkit + ", raw " + raw);
            }
        }
    }

    private long single(String sql, String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, tenantId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
