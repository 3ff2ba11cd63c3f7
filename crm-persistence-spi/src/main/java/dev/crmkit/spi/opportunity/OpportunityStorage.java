package dev.crmkit.spi.opportunity;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the opportunity domain: sales pipelines, deals, their stage history and sales reports. */
public interface OpportunityStorage extends StorageCapability {
    /** Sales pipelines and their stages. */
    PipelineStore pipelines();

    /** Opportunities, their stage history and the sales reports over them. */
    OpportunityStore opportunities();
}
