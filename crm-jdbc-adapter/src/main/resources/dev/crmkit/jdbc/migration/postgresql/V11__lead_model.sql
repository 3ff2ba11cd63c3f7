-- Each tenant's trained lead-scoring model, one row per tenant replaced by compare-and-set on its version, so that
-- every node scores with the same model and a restart changes nothing. The body holds counts, no personal data.

CREATE TABLE crm_lead_model (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    kind VARCHAR(64) NOT NULL,
    body TEXT NOT NULL,
    CONSTRAINT pk_crm_lead_model PRIMARY KEY (tenant_id)
);
INSERT INTO crm_schema_version (version) VALUES (11);
