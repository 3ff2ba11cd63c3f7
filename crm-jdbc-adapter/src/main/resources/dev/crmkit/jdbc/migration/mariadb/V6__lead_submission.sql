-- Submissions that lead capture merged into an existing open lead, by idempotency key, so that a retry of one is
-- replayed instead of merged again. (A submission stored as a lead of its own is found by crm_lead.idempotency_key.)

CREATE TABLE crm_lead_submission (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    lead_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merged_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_lead_submission PRIMARY KEY (tenant_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
