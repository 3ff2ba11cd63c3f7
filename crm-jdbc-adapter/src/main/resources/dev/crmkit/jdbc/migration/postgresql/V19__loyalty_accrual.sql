-- What each recorded purchase earned each member (crm_loyalty_accrual, one row per membership and purchase through
-- uq_crm_loyalty_accrual_purchase, which also serves the lookup of a purchase's accruals on a return), with the points
-- of each order line (crm_loyalty_accrual_line) that a return takes back its share of. Only the status changes, over
-- the version: PENDING until available_at (the end of the return window), then POSTED or CANCELLED. The points
-- themselves are in crm_loyalty_ledger (kinds PENDING and CLAWBACK besides the available ones).

CREATE TABLE crm_loyalty_accrual (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    membership_id UUID NOT NULL,
    purchase_id UUID NOT NULL,
    status VARCHAR(20) NOT NULL,
    available_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_loyalty_accrual PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_loyalty_accrual_purchase UNIQUE (tenant_id, purchase_id, membership_id)
);

CREATE TABLE crm_loyalty_accrual_line (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    accrual_id UUID NOT NULL,
    line_number INTEGER NOT NULL,
    qualifying_points BIGINT NOT NULL,
    redeemable_points BIGINT NOT NULL,
    CONSTRAINT pk_crm_loyalty_accrual_line PRIMARY KEY (tenant_id, accrual_id, line_number)
);
INSERT INTO crm_schema_version (version) VALUES (19);
