package dev.crmkit.benchmarks;

import dev.crmkit.jdbc.JdbcStorage;

/** CRMKit's side of the import benchmark: the customer service's bulk import. */
final class CrmKitImport {
    private CrmKitImport() {
    }

    static int run(JdbcStorage storage, String tenant, int customers) {
        throw new UnsupportedOperationException("wired to the customer service's import once it lands");
    }
}
