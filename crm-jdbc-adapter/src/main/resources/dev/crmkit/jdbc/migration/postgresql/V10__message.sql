-- Outgoing messages (e-mail, SMS, push, call-list and direct-mail entries) with their delivery state, and the send
-- rates their channels share across nodes. Recipient and content are personal data: erasure sets them to NULL.

CREATE TABLE crm_message (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    customer_id UUID NOT NULL,
    kind VARCHAR(20) NOT NULL,
    list_name VARCHAR(100) COLLATE "C",
    recipient_address VARCHAR(1000),
    recipient_name VARCHAR(200),
    subject VARCHAR(500),
    body TEXT,
    origin_code VARCHAR(64),
    origin_id UUID,
    idempotency_key VARCHAR(100) COLLATE "C",
    not_before TIMESTAMPTZ NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    sending_until TIMESTAMPTZ,
    provider_ref VARCHAR(200) COLLATE "C",
    failure_reason VARCHAR(50),
    sent_at TIMESTAMPTZ,
    outcome_at TIMESTAMPTZ,
    CONSTRAINT pk_crm_message PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_message_idempotency_key UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ix_crm_message_customer ON crm_message (tenant_id, customer_id, id);
CREATE INDEX ix_crm_message_list ON crm_message (tenant_id, kind, list_name, id);
CREATE INDEX ix_crm_message_provider_ref ON crm_message (tenant_id, kind, provider_ref);

-- One row per named send rate, shared by every tenant (a provider's limit is per account): like crm_lock, it has no
-- tenant. tat_micros is the limit's theoretical arrival time in microseconds since the epoch.
CREATE TABLE crm_send_rate (
    rate_name VARCHAR(64) COLLATE "C" NOT NULL,
    tat_micros BIGINT NOT NULL,
    CONSTRAINT pk_crm_send_rate PRIMARY KEY (rate_name)
);
INSERT INTO crm_schema_version (version) VALUES (10);
