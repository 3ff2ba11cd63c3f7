-- Loyalty tiers and the stored rewards catalogue. A programme's tier scheme (crm_loyalty_tier_scheme: what tiers are
-- earned by, over which rolling window) with its tiers from the lowest (crm_loyalty_tier, by seq_no) and each tier's
-- named benefits (crm_loyalty_tier_benefit); a revision replaces the tiers whole at the scheme's next version. The
-- tier each member holds (crm_loyalty_member_tier, keyed by the membership's id, changed by compare-and-set on its
-- version) and the append-only history of its changes (crm_loyalty_tier_change). The tenant's rewards
-- (crm_loyalty_reward) with their cost, validity window and optional stock, which redemptions take from by
-- compare-and-set on the version. The ledger gets an index by posting time for the windowed tier measures.

CREATE TABLE crm_loyalty_tier_scheme (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    programme VARCHAR(64) NOT NULL,
    basis VARCHAR(20) NOT NULL,
    window_months INTEGER NOT NULL,
    CONSTRAINT pk_crm_loyalty_tier_scheme PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_loyalty_tier_scheme_programme UNIQUE (tenant_id, programme)
);

CREATE TABLE crm_loyalty_tier (
    tenant_id VARCHAR(64) NOT NULL,
    scheme_id UUID NOT NULL,
    seq_no INTEGER NOT NULL,
    code VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    threshold BIGINT NOT NULL,
    CONSTRAINT pk_crm_loyalty_tier PRIMARY KEY (tenant_id, scheme_id, seq_no)
);

CREATE TABLE crm_loyalty_tier_benefit (
    tenant_id VARCHAR(64) NOT NULL,
    scheme_id UUID NOT NULL,
    tier_seq_no INTEGER NOT NULL,
    seq_no INTEGER NOT NULL,
    benefit VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_loyalty_tier_benefit PRIMARY KEY (tenant_id, scheme_id, tier_seq_no, seq_no)
);

CREATE TABLE crm_loyalty_member_tier (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    programme VARCHAR(64) NOT NULL,
    tier VARCHAR(64) NULL,
    since TIMESTAMP(6) WITH TIME ZONE NULL,
    review_at TIMESTAMP(6) WITH TIME ZONE NULL,
    CONSTRAINT pk_crm_loyalty_member_tier PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_loyalty_tier_change (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    membership_id UUID NOT NULL,
    from_tier VARCHAR(64) NULL,
    to_tier VARCHAR(64) NULL,
    measure BIGINT NOT NULL,
    scheme_version BIGINT NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_loyalty_tier_change PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_loyalty_tier_change_membership ON crm_loyalty_tier_change (tenant_id, membership_id, id);

CREATE TABLE crm_loyalty_reward (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    points BIGINT NOT NULL,
    valid_from TIMESTAMP(6) WITH TIME ZONE NULL,
    valid_until TIMESTAMP(6) WITH TIME ZONE NULL,
    stock BIGINT NULL,
    CONSTRAINT pk_crm_loyalty_reward PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_loyalty_reward_code UNIQUE (tenant_id, code)
);

CREATE INDEX ix_crm_loyalty_ledger_posted ON crm_loyalty_ledger (tenant_id, membership_id, posted_at);
INSERT INTO crm_schema_version (version) VALUES (20);
