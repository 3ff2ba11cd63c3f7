-- Outgoing messages (e-mail, SMS, push, call-list and direct-mail entries) with their delivery state, and the send
-- rates their channels share across nodes. Recipient and content are personal data: erasure sets them to NULL.

CREATE TABLE crm_message (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind VARCHAR(20) NOT NULL,
    list_name VARCHAR(100),
    recipient_address VARCHAR(1000),
    recipient_name VARCHAR(200),
    subject VARCHAR(500),
    body MEDIUMTEXT,
    origin_code VARCHAR(64),
    origin_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    idempotency_key VARCHAR(100),
    not_before DATETIME(6) NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    sending_until DATETIME(6),
    provider_ref VARCHAR(200),
    failure_reason VARCHAR(50),
    sent_at DATETIME(6),
    outcome_at DATETIME(6),
    CONSTRAINT pk_crm_message PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_message_idempotency_key UNIQUE (tenant_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_message_customer ON crm_message (tenant_id, customer_id, id);
CREATE INDEX ix_crm_message_list ON crm_message (tenant_id, kind, list_name, id);
CREATE INDEX ix_crm_message_provider_ref ON crm_message (tenant_id, kind, provider_ref);

-- One row per named send rate, shared by every tenant (a provider's limit is per account): like crm_lock, it has no
-- tenant. tat_micros is the limit's theoretical arrival time in microseconds since the epoch.
CREATE TABLE crm_send_rate (
    rate_name VARCHAR(64) NOT NULL,
    tat_micros BIGINT NOT NULL,
    CONSTRAINT pk_crm_send_rate PRIMARY KEY (rate_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO crm_schema_version (version) VALUES (10);
