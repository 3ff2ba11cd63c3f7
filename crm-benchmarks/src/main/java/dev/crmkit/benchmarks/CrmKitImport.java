package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.DuplicatePolicy;
import dev.crmkit.core.customer.ImportProgress;
import dev.crmkit.core.customer.ImportReport;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.jdbc.JdbcStorage;
import java.util.stream.IntStream;

/**
 * CRMKit's side of the import benchmark: the customer service's bulk import, with normalization of e-mail and
 * phone, duplicate checks within each batch and against storage, and outbox events, as a host would call it.
 */
final class CrmKitImport {
    private CrmKitImport() {
    }

    /** The customer service of a tenant as the benchmark imports into it (one {@code Crm}, built once per tenant). */
    static CustomerService service(JdbcStorage storage, String tenant) {
        Crm crm = Crm.builder()
                .storage(storage)
                .defaultPhoneRegion("DE")
                .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.WARN)
                        .importBatchSize(ImportBenchmark.BATCH).build())
                .build();
        return crm.tenant(tenant).service(CustomerService.class);
    }

    /** {@link #run(CustomerService, int, int)} with a service built for the call. */
    static int run(JdbcStorage storage, String tenant, int first, int customers) {
        return run(service(storage, tenant), first, customers);
    }

    /**
     * Imports customers numbered from {@code first} (names from {@link GeneratedLeads}, so their phonetic keys are
     * as varied as real names', an external reference, an e-mail, a phone and a tag each); returns how many were
     * imported.
     */
    static int run(CustomerService customers, int first, int count) {
        ImportReport report = customers.importCustomers(
                IntStream.range(first, first + count).mapToObj(i -> RegisterPerson.named(
                                GeneratedLeads.givenName(i), GeneratedLeads.familyName(i))
                        .withExternalRef("erp-" + i)
                        .withEmail("customer" + i + "@example.com")
                        .withPhone("+4930" + (1_000_000 + i))
                        .withTag("imported")),
                ImportProgress.NONE);
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("the import rejected rows: " + report.errors().get(0));
        }
        return Math.toIntExact(report.imported());
    }
}
