-- Forecasting: sales quotas (crm_quota), one per member, scope (REP or TEAM) and fiscal period label (FY2027-Q1),
-- replaced by compare-and-set on the version; money is DECIMAL(19,4) with a CHAR(3) currency. And the index the
-- pipeline forecast's open deals need: it groups won deals by close instant (ix_crm_opportunity_closed, V4) and open
-- deals by expected close date.

CREATE TABLE crm_quota (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    member_id UUID NOT NULL,
    scope VARCHAR(10) NOT NULL,
    period VARCHAR(12) COLLATE "C" NOT NULL,
    amount DECIMAL(19,4) NOT NULL,
    currency CHAR(3) COLLATE "C" NOT NULL,
    CONSTRAINT pk_crm_quota PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_quota_member UNIQUE (tenant_id, member_id, scope, period)
);
CREATE INDEX ix_crm_quota_period ON crm_quota (tenant_id, period, member_id);

CREATE INDEX ix_crm_opportunity_expected_close ON crm_opportunity (tenant_id, status, expected_close_date);

INSERT INTO crm_schema_version (version) VALUES (15);
