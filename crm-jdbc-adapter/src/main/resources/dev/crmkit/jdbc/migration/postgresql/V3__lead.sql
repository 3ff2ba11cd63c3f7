-- The lead domain: leads with their details, attribution, BANT qualification, score and explanation (one
-- "code<TAB>points" line per factor, in order), owner, match and conversion; and the distribution state per pool.
-- Every open-lead lookup, owner count and funnel tally has an index leading with tenant_id.

CREATE TABLE crm_lead (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    given_name VARCHAR(100),
    family_name VARCHAR(100),
    company_name VARCHAR(200),
    job_title VARCHAR(100),
    industry VARCHAR(64),
    employees INTEGER,
    email VARCHAR(254) COLLATE "C",
    phone VARCHAR(20) COLLATE "C",
    country_code VARCHAR(2),
    postcode VARCHAR(20),
    city VARCHAR(100),
    name_key VARCHAR(100) COLLATE "C",
    source VARCHAR(20) NOT NULL,
    campaign_id VARCHAR(100),
    tracking_code VARCHAR(200),
    raw_submission TEXT,
    status VARCHAR(20) NOT NULL,
    disqualification_reason VARCHAR(200),
    budget DECIMAL(19, 4),
    budget_currency CHAR(3),
    authority BOOLEAN,
    need VARCHAR(1000),
    timeline DATE,
    score INTEGER NOT NULL,
    score_factors TEXT,
    owner_id UUID,
    assigned_at TIMESTAMPTZ,
    first_contact_due_at TIMESTAMPTZ,
    first_contacted_at TIMESTAMPTZ,
    matched_customer_id UUID,
    needs_review BOOLEAN NOT NULL,
    converted_customer_id UUID,
    converted_opportunity_id UUID,
    closed_at TIMESTAMPTZ,
    idempotency_key VARCHAR(100) COLLATE "C",
    CONSTRAINT pk_crm_lead PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_lead_idempotency_key UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ix_crm_lead_email ON crm_lead (tenant_id, email);
CREATE INDEX ix_crm_lead_phone ON crm_lead (tenant_id, phone);
CREATE INDEX ix_crm_lead_name_key ON crm_lead (tenant_id, name_key);
CREATE INDEX ix_crm_lead_owner ON crm_lead (tenant_id, owner_id, status, id);
CREATE INDEX ix_crm_lead_created ON crm_lead (tenant_id, created_at, source, status);
CREATE INDEX ix_crm_lead_converted ON crm_lead (tenant_id, converted_customer_id, closed_at, id);

CREATE TABLE crm_lead_rotation (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    pool VARCHAR(100) COLLATE "C" NOT NULL,
    last_member_id UUID,
    version BIGINT NOT NULL,
    CONSTRAINT pk_crm_lead_rotation PRIMARY KEY (tenant_id, pool)
);
