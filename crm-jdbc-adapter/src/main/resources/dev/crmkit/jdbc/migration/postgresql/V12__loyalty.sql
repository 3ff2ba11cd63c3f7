-- Loyalty, first part: the orders a host reports (crm_purchase, with its lines), and the returns against them
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
INSERT INTO crm_schema_version (version) VALUES (12);
