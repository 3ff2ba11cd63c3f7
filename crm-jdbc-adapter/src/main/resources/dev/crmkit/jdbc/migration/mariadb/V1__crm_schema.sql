-- CRMKit schema, version 1, MariaDB 10.11+.
-- Every primary key leads with tenant_id. Ids are ASCII text CHAR(36), since MariaDB's UUID type reorders bytes;
-- text is utf8mb4 with a binary NO PAD collation, so it compares exactly, trailing spaces included;
-- instants are DATETIME(6) holding UTC.

CREATE TABLE crm_lock (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_lock PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO crm_lock (name) VALUES ('outbox');
INSERT INTO crm_lock (name) VALUES ('due_work');

CREATE TABLE crm_customer (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    given_name VARCHAR(100),
    family_name VARCHAR(100),
    organization_name VARCHAR(200),
    name_key VARCHAR(100),
    external_ref VARCHAR(100),
    lifecycle_stage VARCHAR(20) NOT NULL,
    owner_id VARCHAR(100),
    merged_into CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    CONSTRAINT pk_crm_customer PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_customer_external_ref UNIQUE (tenant_id, external_ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_customer_name_key ON crm_customer (tenant_id, name_key, id);
CREATE INDEX ix_crm_customer_owner ON crm_customer (tenant_id, owner_id, id);

CREATE TABLE crm_customer_tag (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    tag VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_customer_tag PRIMARY KEY (tenant_id, customer_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_customer_tag_tag ON crm_customer_tag (tenant_id, tag, customer_id);

CREATE TABLE crm_customer_field (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    field_key VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    field_type VARCHAR(10) NOT NULL,
    text_value VARCHAR(500),
    number_value DECIMAL(28, 10),
    date_value DATE,
    boolean_value BOOLEAN,
    CONSTRAINT pk_crm_customer_field PRIMARY KEY (tenant_id, customer_id, field_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_customer_field_text ON crm_customer_field (tenant_id, field_key, text_value);
CREATE INDEX ix_crm_customer_field_number ON crm_customer_field (tenant_id, field_key, number_value);
CREATE INDEX ix_crm_customer_field_date ON crm_customer_field (tenant_id, field_key, date_value);

CREATE TABLE crm_contact_point (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind VARCHAR(10) NOT NULL,
    label VARCHAR(50),
    contact_value VARCHAR(320) NOT NULL,
    street VARCHAR(300),
    city VARCHAR(100),
    region VARCHAR(100),
    postal_code VARCHAR(20),
    country_code CHAR(2),
    is_primary BOOLEAN NOT NULL,
    CONSTRAINT pk_crm_contact_point PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_contact_point_customer ON crm_contact_point (tenant_id, customer_id);
CREATE INDEX ix_crm_contact_point_value ON crm_contact_point (tenant_id, kind, contact_value, customer_id);

CREATE TABLE crm_relationship (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    person_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    organization_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role VARCHAR(100) NOT NULL,
    CONSTRAINT pk_crm_relationship PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_relationship_role UNIQUE (tenant_id, person_id, organization_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_relationship_organization ON crm_relationship (tenant_id, organization_id);

CREATE TABLE crm_custom_field_definition (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    field_key VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label VARCHAR(200) NOT NULL,
    field_type VARCHAR(10) NOT NULL,
    required BOOLEAN NOT NULL,
    CONSTRAINT pk_crm_custom_field_definition PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_custom_field_definition_key UNIQUE (tenant_id, field_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE crm_interaction (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    channel VARCHAR(20) NOT NULL,
    direction VARCHAR(10) NOT NULL,
    purpose VARCHAR(10) NOT NULL,
    outcome VARCHAR(50),
    agent_id VARCHAR(100),
    summary TEXT,
    occurred_at DATETIME(6) NOT NULL,
    idempotency_key VARCHAR(100),
    CONSTRAINT pk_crm_interaction PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_interaction_idempotency_key UNIQUE (tenant_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_interaction_timeline ON crm_interaction (tenant_id, customer_id, occurred_at, id);

CREATE TABLE crm_task (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    interaction_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    title VARCHAR(200) NOT NULL,
    assignee_id VARCHAR(100),
    due_at DATETIME(6) NOT NULL,
    status VARCHAR(10) NOT NULL,
    completed_at DATETIME(6),
    CONSTRAINT pk_crm_task PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_task_customer ON crm_task (tenant_id, customer_id, status, due_at, id);
CREATE INDEX ix_crm_task_assignee ON crm_task (tenant_id, assignee_id, status, due_at, id);

CREATE TABLE crm_outbox (
    sequence BIGINT NOT NULL AUTO_INCREMENT,
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    aggregatetype VARCHAR(100) NOT NULL,
    aggregateid VARCHAR(100) NOT NULL,
    type VARCHAR(100) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    claimed_by VARCHAR(100),
    lease_until DATETIME(6),
    delivered_at DATETIME(6),
    CONSTRAINT pk_crm_outbox PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_outbox_sequence UNIQUE (sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_outbox_pending ON crm_outbox (delivered_at, sequence);
CREATE INDEX ix_crm_outbox_aggregate ON crm_outbox (aggregatetype, aggregateid, sequence);
CREATE INDEX ix_crm_outbox_event ON crm_outbox (id);

CREATE TABLE crm_due_work (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind VARCHAR(100) NOT NULL,
    work_key VARCHAR(100) NOT NULL,
    due_at DATETIME(6) NOT NULL,
    payload TEXT,
    claimed_by VARCHAR(100),
    lease_until DATETIME(6),
    attempts INTEGER NOT NULL,
    CONSTRAINT pk_crm_due_work PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_due_work_key UNIQUE (tenant_id, kind, work_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_due_work_due ON crm_due_work (due_at, id);
