-- The idempotency keys of commands a caller may retry (a lead submission merged into an existing lead, opening a
-- deal), with the record each produced, so a retry is answered with it instead of doing the work again.

CREATE TABLE crm_idempotency_key (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    scope VARCHAR(64) COLLATE "C" NOT NULL,
    idempotency_key VARCHAR(100) COLLATE "C" NOT NULL,
    target_id UUID NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_idempotency_key PRIMARY KEY (tenant_id, scope, idempotency_key)
);
