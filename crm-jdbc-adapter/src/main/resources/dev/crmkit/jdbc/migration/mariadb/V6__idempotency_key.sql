-- The idempotency keys of commands a caller may retry (a lead submission merged into an existing lead, opening a
-- deal), with the record each produced, so a retry is answered with it instead of doing the work again.

CREATE TABLE crm_idempotency_key (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scope VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    target_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_idempotency_key PRIMARY KEY (tenant_id, scope, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
