package dev.crmkit.spi.customer;

import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;

/**
 * The storage capability of the customer domain: customers (persons and organizations), their contact points, the
 * relationships between persons and organizations, the match keys and suspected duplicate pairs of
 * matching, and the custom fields a tenant defines for them.
 */
public interface CustomerStorage extends StorageCapability {
    /** Customers: persons and organizations. */
    CustomerStore customers();

    /** E-mail addresses, phone numbers and postal addresses of customers. */
    ContactPointStore contactPoints();

    /** Person-organization relationships with a role. */
    RelationshipStore relationships();

    /** The blocking keys customer matching looks candidates up by. */
    MatchKeyStore matchKeys();

    /** The review queue of suspected duplicate pairs. */
    DuplicatePairStore duplicatePairs();

    /**
     * The checkpoints of the bulk duplicate job. The default, for an adapter written before the job, has none: it
     * throws {@link UnsupportedOperationException}, and so does the job on that storage.
     */
    default DuplicateJobStore duplicateJobs() {
        throw new UnsupportedOperationException("this storage keeps no duplicate job checkpoints");
    }

    /** The custom fields each tenant defines. */
    CustomFieldDefinitionStore customFieldDefinitions();
}
