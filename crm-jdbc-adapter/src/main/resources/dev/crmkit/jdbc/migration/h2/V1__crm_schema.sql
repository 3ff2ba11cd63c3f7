-- CRMKit schema, version 1, H2 2.x.
-- Every primary key leads with tenant_id; H2 compares text by UTF-16 code units and UUIDs unsigned.

CREATE TABLE crm_lock (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_lock PRIMARY KEY (name)
);
INSERT INTO crm_lock (name) VALUES ('outbox');
INSERT INTO crm_lock (name) VALUES ('due_work');

CREATE TABLE crm_customer (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind VARCHAR(20) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    given_name VARCHAR(100),
    family_name VARCHAR(100),
    organization_name VARCHAR(200),
    name_key VARCHAR(100),
    external_ref VARCHAR(100),
    lifecycle_stage VARCHAR(20) NOT NULL,
    owner_id VARCHAR(100),
    merged_into UUID,
    CONSTRAINT pk_crm_customer PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_customer_external_ref UNIQUE (tenant_id, external_ref)
);
CREATE INDEX ix_crm_customer_name_key ON crm_customer (tenant_id, name_key, id);
CREATE INDEX ix_crm_customer_owner ON crm_customer (tenant_id, owner_id, id);

CREATE TABLE crm_customer_tag (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id UUID NOT NULL,
    tag VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_customer_tag PRIMARY KEY (tenant_id, customer_id, tag)
);
CREATE INDEX ix_crm_customer_tag_tag ON crm_customer_tag (tenant_id, tag, customer_id);

CREATE TABLE crm_customer_field (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id UUID NOT NULL,
    field_key VARCHAR(63) NOT NULL,
    field_type VARCHAR(10) NOT NULL,
    text_value VARCHAR(500),
    number_value DECIMAL(28, 10),
    date_value DATE,
    boolean_value BOOLEAN,
    CONSTRAINT pk_crm_customer_field PRIMARY KEY (tenant_id, customer_id, field_key)
);
CREATE INDEX ix_crm_customer_field_text ON crm_customer_field (tenant_id, field_key, text_value);
CREATE INDEX ix_crm_customer_field_number ON crm_customer_field (tenant_id, field_key, number_value);
CREATE INDEX ix_crm_customer_field_date ON crm_customer_field (tenant_id, field_key, date_value);

CREATE TABLE crm_contact_point (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    customer_id UUID NOT NULL,
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
);
CREATE INDEX ix_crm_contact_point_customer ON crm_contact_point (tenant_id, customer_id);
CREATE INDEX ix_crm_contact_point_value ON crm_contact_point (tenant_id, kind, contact_value, customer_id);

CREATE TABLE crm_relationship (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    person_id UUID NOT NULL,
    organization_id UUID NOT NULL,
    role VARCHAR(100) NOT NULL,
    CONSTRAINT pk_crm_relationship PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_relationship_role UNIQUE (tenant_id, person_id, organization_id, role)
);
CREATE INDEX ix_crm_relationship_organization ON crm_relationship (tenant_id, organization_id);

CREATE TABLE crm_custom_field_definition (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    field_key VARCHAR(63) NOT NULL,
    label VARCHAR(200) NOT NULL,
    field_type VARCHAR(10) NOT NULL,
    required BOOLEAN NOT NULL,
    CONSTRAINT pk_crm_custom_field_definition PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_custom_field_definition_key UNIQUE (tenant_id, field_key)
);

CREATE TABLE crm_interaction (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    customer_id UUID NOT NULL,
    channel VARCHAR(20) NOT NULL,
    direction VARCHAR(10) NOT NULL,
    purpose VARCHAR(10) NOT NULL,
    outcome VARCHAR(50),
    agent_id VARCHAR(100),
    summary VARCHAR(4000),
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    idempotency_key VARCHAR(100),
    CONSTRAINT pk_crm_interaction PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_interaction_idempotency_key UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ix_crm_interaction_timeline ON crm_interaction (tenant_id, customer_id, occurred_at, id);

CREATE TABLE crm_task (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    customer_id UUID NOT NULL,
    interaction_id UUID,
    title VARCHAR(200) NOT NULL,
    assignee_id VARCHAR(100),
    due_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status VARCHAR(10) NOT NULL,
    completed_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_crm_task PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_task_customer ON crm_task (tenant_id, customer_id, status, due_at, id);
CREATE INDEX ix_crm_task_assignee ON crm_task (tenant_id, assignee_id, status, due_at, id);

CREATE TABLE crm_outbox (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY,
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    aggregatetype VARCHAR(100) NOT NULL,
    aggregateid VARCHAR(100) NOT NULL,
    type VARCHAR(100) NOT NULL,
    payload CHARACTER VARYING(1000000) NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_by VARCHAR(100),
    lease_until TIMESTAMP(6) WITH TIME ZONE,
    delivered_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_crm_outbox PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_outbox_sequence UNIQUE (sequence)
);
CREATE INDEX ix_crm_outbox_pending ON crm_outbox (delivered_at, sequence);
CREATE INDEX ix_crm_outbox_aggregate ON crm_outbox (aggregatetype, aggregateid, sequence);
CREATE INDEX ix_crm_outbox_event ON crm_outbox (id);

CREATE TABLE crm_due_work (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    kind VARCHAR(100) NOT NULL,
    work_key VARCHAR(100) NOT NULL,
    due_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload VARCHAR(10000),
    claimed_by VARCHAR(100),
    lease_until TIMESTAMP(6) WITH TIME ZONE,
    attempts INTEGER NOT NULL,
    CONSTRAINT pk_crm_due_work PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_due_work_key UNIQUE (tenant_id, kind, work_key)
);
CREATE INDEX ix_crm_due_work_due ON crm_due_work (due_at, id);
