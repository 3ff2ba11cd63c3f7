package dev.crmkit.spi.lead;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the lead domain: leads from capture to conversion, and the state of their distribution. */
public interface LeadStorage extends StorageCapability {
    /** Leads, their rotation and their open-lead counts. */
    LeadStore leads();

    /** The tenants' trained lead-scoring models, one current model per tenant, versioned. */
    LeadModelStore leadModels();
}
