-- Customer matching, review queue: the pairs of customers matching suspects to be one party (crm_duplicate_pair),
-- one row per tenant and normalised pair (first_customer_id sorts before second_customer_id), whatever its status.
-- uq_crm_duplicate_pair is what keeps a pair once when two nodes find it at once. The queue reads open pairs by
-- score (highest first) and id through ix_crm_duplicate_pair_queue; a customer's pairs are found through the unique
-- key (first) and ix_crm_duplicate_pair_second. Reasons and contributions are the core's codes as text
-- ("A,B"; "FIELD=weight;..."); the dismissal reason is free text, kept here and never in an event.
-- (Versions 18 to 21 belong to other domains' migrations.)

CREATE TABLE crm_duplicate_pair (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    first_customer_id UUID NOT NULL,
    second_customer_id UUID NOT NULL,
    score DECIMAL(4,3) NOT NULL,
    reasons VARCHAR(700) NOT NULL,
    contributions VARCHAR(1100) NOT NULL,
    source VARCHAR(20) NOT NULL,
    found_at TIMESTAMPTZ NOT NULL,
    status VARCHAR(16) NOT NULL,
    decided_by VARCHAR(120),
    decided_at TIMESTAMPTZ,
    decision_reason VARCHAR(500),
    CONSTRAINT pk_crm_duplicate_pair PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_duplicate_pair UNIQUE (tenant_id, first_customer_id, second_customer_id)
);
CREATE INDEX ix_crm_duplicate_pair_second ON crm_duplicate_pair (tenant_id, second_customer_id);
CREATE INDEX ix_crm_duplicate_pair_queue ON crm_duplicate_pair (tenant_id, status, score DESC, id);
INSERT INTO crm_schema_version (version) VALUES (22);
