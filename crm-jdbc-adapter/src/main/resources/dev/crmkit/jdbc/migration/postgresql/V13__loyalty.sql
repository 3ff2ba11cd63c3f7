-- Loyalty: the orders a host reports (crm_purchase, with its lines), and the returns against them
-- (crm_purchase_return, with theirs). Orders and returns are facts: a line or a return never changes once stored;
-- returns only append. Money is DECIMAL(19,4) in the order's currency. Recency, frequency and monetary value per
-- customer are computed from these rows through ix_crm_purchase_customer.

CREATE TABLE crm_purchase (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    customer_id UUID NOT NULL,
    order_ref VARCHAR(100) COLLATE "C" NOT NULL,
    channel VARCHAR(64) NOT NULL,
    purchased_at TIMESTAMPTZ NOT NULL,
    currency CHAR(3) NOT NULL,
    CONSTRAINT pk_crm_purchase PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_purchase_order_ref UNIQUE (tenant_id, order_ref)
);
CREATE INDEX ix_crm_purchase_customer ON crm_purchase (tenant_id, customer_id, id);

CREATE TABLE crm_purchase_line (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    purchase_id UUID NOT NULL,
    line_no INTEGER NOT NULL,
    product_ref VARCHAR(100) NOT NULL,
    category VARCHAR(64) NOT NULL,
    quantity INTEGER NOT NULL,
    amount DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_crm_purchase_line PRIMARY KEY (tenant_id, purchase_id, line_no)
);

CREATE TABLE crm_purchase_return (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    purchase_id UUID NOT NULL,
    seq_no INTEGER NOT NULL,
    return_ref VARCHAR(100) COLLATE "C" NOT NULL,
    returned_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_purchase_return PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_purchase_return_ref UNIQUE (tenant_id, return_ref),
    CONSTRAINT uq_crm_purchase_return_seq UNIQUE (tenant_id, purchase_id, seq_no)
);

CREATE TABLE crm_purchase_return_line (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    return_id UUID NOT NULL,
    line_no INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    amount DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_crm_purchase_return_line PRIMARY KEY (tenant_id, return_id, line_no)
);

-- Programme memberships with their cached balances, which the core keeps equal to the sums of the ledger in the
-- same unit, and the append-only points ledger: no UPDATE or DELETE ever touches crm_loyalty_ledger.
CREATE TABLE crm_loyalty_membership (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    programme VARCHAR(64) COLLATE "C" NOT NULL,
    customer_id UUID NOT NULL,
    member_number VARCHAR(32) COLLATE "C" NOT NULL,
    status VARCHAR(20) NOT NULL,
    qualifying_points BIGINT NOT NULL,
    redeemable_points BIGINT NOT NULL,
    CONSTRAINT pk_crm_loyalty_membership PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_loyalty_membership_number UNIQUE (tenant_id, member_number),
    CONSTRAINT uq_crm_loyalty_membership_customer UNIQUE (tenant_id, programme, customer_id)
);
CREATE INDEX ix_crm_loyalty_membership_customer ON crm_loyalty_membership (tenant_id, customer_id);

CREATE TABLE crm_loyalty_ledger (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    membership_id UUID NOT NULL,
    kind VARCHAR(20) NOT NULL,
    qualifying_points BIGINT NOT NULL,
    redeemable_points BIGINT NOT NULL,
    source_type VARCHAR(64) NOT NULL,
    source_ref VARCHAR(100),
    idempotency_key VARCHAR(100) COLLATE "C" NOT NULL,
    posted_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_loyalty_ledger PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_loyalty_ledger_key UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ix_crm_loyalty_ledger_membership ON crm_loyalty_ledger (tenant_id, membership_id, id);
INSERT INTO crm_schema_version (version) VALUES (13);
