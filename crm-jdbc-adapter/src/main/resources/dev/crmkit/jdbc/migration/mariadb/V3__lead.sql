-- The lead domain: leads with their details, attribution, BANT qualification, score and explanation (one
-- "code<TAB>points" line per factor, in order), owner, match and conversion; and the distribution state per pool.
-- Every open-lead lookup, owner count and funnel tally has an index leading with tenant_id.

CREATE TABLE crm_lead (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    given_name VARCHAR(100),
    family_name VARCHAR(100),
    company_name VARCHAR(200),
    job_title VARCHAR(100),
    industry VARCHAR(64),
    employees INTEGER,
    email VARCHAR(254),
    phone VARCHAR(20),
    country_code VARCHAR(2),
    postcode VARCHAR(20),
    city VARCHAR(100),
    name_key VARCHAR(100),
    source VARCHAR(20) NOT NULL,
    campaign_id VARCHAR(100),
    tracking_code VARCHAR(200),
    raw_submission MEDIUMTEXT,
    status VARCHAR(20) NOT NULL,
    disqualification_reason VARCHAR(200),
    budget DECIMAL(19, 4),
    budget_currency CHAR(3),
    authority BOOLEAN,
    need VARCHAR(1000),
    timeline DATE,
    score INTEGER NOT NULL,
    score_factors TEXT,
    owner_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    assigned_at DATETIME(6),
    first_contact_due_at DATETIME(6),
    first_contacted_at DATETIME(6),
    matched_customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    needs_review BOOLEAN NOT NULL,
    converted_customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    converted_opportunity_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    closed_at DATETIME(6),
    idempotency_key VARCHAR(100),
    CONSTRAINT pk_crm_lead PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_lead_idempotency_key UNIQUE (tenant_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_lead_email ON crm_lead (tenant_id, email);
CREATE INDEX ix_crm_lead_phone ON crm_lead (tenant_id, phone);
CREATE INDEX ix_crm_lead_name_key ON crm_lead (tenant_id, name_key);
CREATE INDEX ix_crm_lead_owner ON crm_lead (tenant_id, owner_id, status, id);
CREATE INDEX ix_crm_lead_created ON crm_lead (tenant_id, created_at, source, status);
CREATE INDEX ix_crm_lead_converted ON crm_lead (tenant_id, converted_customer_id, closed_at, id);

CREATE TABLE crm_lead_rotation (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pool VARCHAR(100) NOT NULL,
    last_member_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    version BIGINT NOT NULL,
    CONSTRAINT pk_crm_lead_rotation PRIMARY KEY (tenant_id, pool)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
