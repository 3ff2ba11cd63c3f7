-- The ticket domain: customer service tickets, their attachments (by reference, in order) and typed custom
-- fields as child rows. Subject and description are personal data, kept here and never in an event.
-- (Versions 14 and 15 belong to other domains' migrations.)

CREATE TABLE crm_ticket (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    kind VARCHAR(30) NOT NULL,
    channel VARCHAR(20) NOT NULL,
    customer_id UUID NOT NULL,
    contact_person_id UUID,
    priority VARCHAR(10) NOT NULL,
    assignee_id UUID,
    state VARCHAR(30) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    description TEXT,
    return_authorization VARCHAR(100) COLLATE "C",
    return_product_ref VARCHAR(100) COLLATE "C",
    return_order_ref VARCHAR(100) COLLATE "C",
    resolved_at TIMESTAMPTZ,
    closed_at TIMESTAMPTZ,
    merged_into UUID,
    CONSTRAINT pk_crm_ticket PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_ticket_customer ON crm_ticket (tenant_id, customer_id, id);
CREATE INDEX ix_crm_ticket_contact_person ON crm_ticket (tenant_id, contact_person_id);
CREATE INDEX ix_crm_ticket_assignee ON crm_ticket (tenant_id, assignee_id, id);
CREATE INDEX ix_crm_ticket_state ON crm_ticket (tenant_id, state, id);

CREATE TABLE crm_ticket_attachment (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    ticket_id UUID NOT NULL,
    attachment_no INTEGER NOT NULL,
    file_ref VARCHAR(500) NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    CONSTRAINT pk_crm_ticket_attachment PRIMARY KEY (tenant_id, ticket_id, attachment_no)
);

CREATE TABLE crm_ticket_field (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    ticket_id UUID NOT NULL,
    field_key VARCHAR(63) COLLATE "C" NOT NULL,
    field_type VARCHAR(10) NOT NULL,
    text_value VARCHAR(500) COLLATE "C",
    number_value DECIMAL(28, 10),
    date_value DATE,
    boolean_value BOOLEAN,
    CONSTRAINT pk_crm_ticket_field PRIMARY KEY (tenant_id, ticket_id, field_key)
);
INSERT INTO crm_schema_version (version) VALUES (16);
