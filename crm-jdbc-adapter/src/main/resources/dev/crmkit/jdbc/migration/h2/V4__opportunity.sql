-- The opportunity domain: pipelines with their ordered stages, opportunities (deals) with their line items,
-- contact roles and competitors as child rows, and the append-only stage history. Money is DECIMAL(19,4) with a
-- CHAR(3) ISO 4217 currency.

CREATE TABLE crm_pipeline (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    name VARCHAR(100) NOT NULL,
    reopen_rule VARCHAR(20) NOT NULL,
    reopen_days INTEGER NOT NULL,
    CONSTRAINT pk_crm_pipeline PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_pipeline_name UNIQUE (tenant_id, name)
);

CREATE TABLE crm_pipeline_stage (
    tenant_id VARCHAR(64) NOT NULL,
    pipeline_id UUID NOT NULL,
    stage_no INTEGER NOT NULL,
    stage_key VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    probability INTEGER NOT NULL,
    forecast_category VARCHAR(20) NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    norm_days INTEGER,
    CONSTRAINT pk_crm_pipeline_stage PRIMARY KEY (tenant_id, pipeline_id, stage_no)
);

CREATE TABLE crm_opportunity (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    name VARCHAR(200) NOT NULL,
    customer_id UUID NOT NULL,
    pipeline_id UUID NOT NULL,
    stage_key VARCHAR(64) NOT NULL,
    status VARCHAR(10) NOT NULL,
    amount DECIMAL(19,4),
    currency CHAR(3),
    probability INTEGER NOT NULL,
    forecast_category VARCHAR(20) NOT NULL,
    expected_close_date DATE,
    owner_id UUID,
    source_lead_id UUID,
    lead_source VARCHAR(64),
    stage_entered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    closed_at TIMESTAMP(6) WITH TIME ZONE,
    close_reason VARCHAR(500),
    CONSTRAINT pk_crm_opportunity PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_opportunity_customer ON crm_opportunity (tenant_id, customer_id, id);
CREATE INDEX ix_crm_opportunity_owner ON crm_opportunity (tenant_id, owner_id, id);
CREATE INDEX ix_crm_opportunity_pipeline ON crm_opportunity (tenant_id, pipeline_id, status, stage_key, owner_id, currency);
CREATE INDEX ix_crm_opportunity_closed ON crm_opportunity (tenant_id, status, closed_at);

CREATE TABLE crm_opportunity_line_item (
    tenant_id VARCHAR(64) NOT NULL,
    opportunity_id UUID NOT NULL,
    line_no INTEGER NOT NULL,
    product_ref VARCHAR(100) NOT NULL,
    quantity DECIMAL(19,4) NOT NULL,
    unit_price DECIMAL(19,4) NOT NULL,
    discount_percent DECIMAL(7,4) NOT NULL,
    CONSTRAINT pk_crm_opportunity_line_item PRIMARY KEY (tenant_id, opportunity_id, line_no)
);

CREATE TABLE crm_opportunity_contact (
    tenant_id VARCHAR(64) NOT NULL,
    opportunity_id UUID NOT NULL,
    person_id UUID NOT NULL,
    contact_role VARCHAR(20) NOT NULL,
    CONSTRAINT pk_crm_opportunity_contact PRIMARY KEY (tenant_id, opportunity_id, person_id, contact_role)
);

CREATE TABLE crm_opportunity_competitor (
    tenant_id VARCHAR(64) NOT NULL,
    opportunity_id UUID NOT NULL,
    competitor VARCHAR(100) NOT NULL,
    CONSTRAINT pk_crm_opportunity_competitor PRIMARY KEY (tenant_id, opportunity_id, competitor)
);

CREATE TABLE crm_opportunity_stage_change (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    opportunity_id UUID NOT NULL,
    from_stage VARCHAR(64),
    to_stage VARCHAR(64) NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor VARCHAR(120) NOT NULL,
    CONSTRAINT pk_crm_opportunity_stage_change PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_opportunity_stage_change_history ON crm_opportunity_stage_change (tenant_id, opportunity_id, changed_at, id);
