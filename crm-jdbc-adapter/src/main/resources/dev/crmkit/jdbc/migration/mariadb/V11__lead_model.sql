-- Each tenant's trained lead-scoring model, one row per tenant replaced by compare-and-set on its version, so that
-- every node scores with the same model and a restart changes nothing. The body holds counts, no personal data.

CREATE TABLE crm_lead_model (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    CONSTRAINT pk_crm_lead_model PRIMARY KEY (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO crm_schema_version (version) VALUES (11);
