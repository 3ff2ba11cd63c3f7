-- The ticket domain: customer service tickets, their attachments (by reference, in order) and typed custom
-- fields as child rows. Subject and description are personal data, kept here and never in an event.
-- (Versions 14 and 15 belong to other domains' migrations.)

CREATE TABLE crm_ticket (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    kind VARCHAR(30) NOT NULL,
    channel VARCHAR(20) NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_person_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    priority VARCHAR(10) NOT NULL,
    assignee_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    state VARCHAR(30) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    description TEXT,
    return_authorization VARCHAR(100),
    return_product_ref VARCHAR(100),
    return_order_ref VARCHAR(100),
    resolved_at DATETIME(6),
    closed_at DATETIME(6),
    merged_into CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    CONSTRAINT pk_crm_ticket PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_ticket_customer ON crm_ticket (tenant_id, customer_id, id);
CREATE INDEX ix_crm_ticket_contact_person ON crm_ticket (tenant_id, contact_person_id);
CREATE INDEX ix_crm_ticket_assignee ON crm_ticket (tenant_id, assignee_id, id);
CREATE INDEX ix_crm_ticket_state ON crm_ticket (tenant_id, state, id);

CREATE TABLE crm_ticket_attachment (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ticket_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    attachment_no INTEGER NOT NULL,
    file_ref VARCHAR(500) NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    CONSTRAINT pk_crm_ticket_attachment PRIMARY KEY (tenant_id, ticket_id, attachment_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE crm_ticket_field (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ticket_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    field_key VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    field_type VARCHAR(10) NOT NULL,
    text_value VARCHAR(500),
    number_value DECIMAL(28, 10),
    date_value DATE,
    boolean_value BOOLEAN,
    CONSTRAINT pk_crm_ticket_field PRIMARY KEY (tenant_id, ticket_id, field_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO crm_schema_version (version) VALUES (16);
