-- Loyalty programmes per tenant (crm_loyalty_programme) with their accrual rules (crm_loyalty_programme_rule, in
-- order by seq_no): a base rate per currency unit spent, multipliers by category, channel, promotion window and tier,
-- and activity awards. A revision replaces the rules whole at the programme's next version. Rates and factors are
-- DECIMAL(19,4) like money.

CREATE TABLE crm_loyalty_programme (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code VARCHAR(64) NOT NULL,
    currency CHAR(3) NOT NULL,
    qualifying_per_unit DECIMAL(19,4) NOT NULL,
    redeemable_per_unit DECIMAL(19,4) NOT NULL,
    return_window_days INTEGER NOT NULL,
    CONSTRAINT pk_crm_loyalty_programme PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_loyalty_programme_code UNIQUE (tenant_id, code)
);

CREATE TABLE crm_loyalty_programme_rule (
    tenant_id VARCHAR(64) NOT NULL,
    programme_id UUID NOT NULL,
    seq_no INTEGER NOT NULL,
    kind VARCHAR(20) NOT NULL,
    rule_key VARCHAR(64) NOT NULL,
    factor DECIMAL(19,4),
    qualifying_points BIGINT NOT NULL,
    redeemable_points BIGINT NOT NULL,
    category VARCHAR(64),
    valid_from TIMESTAMP(6) WITH TIME ZONE NULL,
    valid_until TIMESTAMP(6) WITH TIME ZONE NULL,
    CONSTRAINT pk_crm_loyalty_programme_rule PRIMARY KEY (tenant_id, programme_id, seq_no)
);
INSERT INTO crm_schema_version (version) VALUES (14);
