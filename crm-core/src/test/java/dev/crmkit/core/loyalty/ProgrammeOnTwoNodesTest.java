package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.loyalty.AccrualStore;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.loyalty.RewardStore;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two administrators revise one programme at once, on two nodes of one PostgreSQL or MariaDB database, both over the
 * version they read: each unit holds after reading the programme until the other has read it too, so both pass the
 * aggregate's own version check and only the store's compare-and-set ({@code UPDATE ... WHERE version = ?}) stands
 * between them. Exactly one revision is stored at version 2 and the other gets a {@link ConflictException}; with the
 * version condition taken out of {@code JdbcProgrammeStore.update} both "win" and the first one's rules are lost.
 */
class ProgrammeOnTwoNodesTest {
    private final String tenantId = "programme-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch bothRead = new CountDownLatch(2);
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_revisions_over_one_version_on_two_nodes_store_one_and_refuse_the_other(String variable)
            throws Exception {
        // given
        database = new TwoNodes(variable, "one programme revised on two nodes");
        LoyaltyService nodeA = loyalty(database.node("node-a"), "node-a");
        LoyaltyService nodeB = loyalty(database.node("node-b"), "node-b");
        nodeA.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")));
        ProgrammeRules fromA = ProgrammeRules.earning("EUR", "2");
        ProgrammeRules fromB = ProgrammeRules.earning("EUR", "3");

        // when
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            Future<Object> a = threads.submit(() -> revise(nodeA, fromA));
            Future<Object> b = threads.submit(() -> revise(nodeB, fromB));
            outcomes.add(a.get());
            outcomes.add(b.get());
        } finally {
            threads.shutdownNow();
        }

        // then
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        List<Programme> stored = outcomes.stream().filter(Programme.class::isInstance).map(Programme.class::cast)
                .toList();
        assertThat(stored).singleElement().satisfies(winner -> {
            assertThat(winner.version()).isEqualTo(2);
            assertThat(nodeB.programme("club")).isEqualTo(winner);
        });
    }

    private static Object revise(LoyaltyService node, ProgrammeRules rules) {
        try {
            return node.reviseProgramme(ReviseProgramme.of("club", 1, rules));
        } catch (ConflictException e) {
            return e;
        }
    }

    private LoyaltyService loyalty(JdbcStorage storage, String nodeId) {
        Storage holding = storage.with(LoyaltyStorage.class, holdingAfterRead(storage));
        return Crm.builder().storage(holding).nodeId(nodeId).build().tenant(tenantId).service(LoyaltyService.class);
    }

    /** The node's loyalty stores, whose programme lookup by code waits, once it has read, until both nodes have. */
    private LoyaltyStorage holdingAfterRead(LoyaltyStorage real) {
        ProgrammeStore programmes = new ProgrammeStore() {
            @Override
            public ProgrammeRecord insert(ProgrammeRecord programme) {
                return real.programmes().insert(programme);
            }

            @Override
            public ProgrammeRecord update(ProgrammeRecord programme, long expectedVersion) {
                return real.programmes().update(programme, expectedVersion);
            }

            @Override
            public Optional<ProgrammeRecord> get(String tenantId, UUID id) {
                return real.programmes().get(tenantId, id);
            }

            @Override
            public Optional<ProgrammeRecord> findByCode(String tenantId, String code) {
                Optional<ProgrammeRecord> read = real.programmes().findByCode(tenantId, code);
                if (read.isPresent() && read.get().version() == 1 && bothRead.getCount() > 0) {
                    bothRead.countDown();
                    TwoNodes.await(bothRead);
                }
                return read;
            }
        };
        return new LoyaltyStorage() {
            @Override
            public PurchaseStore purchases() {
                return real.purchases();
            }

            @Override
            public MembershipStore memberships() {
                return real.memberships();
            }

            @Override
            public LedgerStore ledger() {
                return real.ledger();
            }

            @Override
            public ProgrammeStore programmes() {
                return programmes;
            }

            @Override
            public AccrualStore accruals() {
                return real.accruals();
            }

            @Override
            public TierSchemeStore tierSchemes() {
                return real.tierSchemes();
            }

            @Override
            public MemberTierStore memberTiers() {
                return real.memberTiers();
            }

            @Override
            public RewardStore rewards() {
                return real.rewards();
            }

            @Override
            public LedgerReportStore ledgerReports() {
                return real.ledgerReports();
            }
        };
    }
}
