-- Customer matching, the bulk duplicate job: its checkpoint per tenant and job name (crm_duplicate_job), written
-- after every batch in the unit that enters the batch's pairs, and replaced by compare-and-set on the version, so of two
-- runs taking the job at once one stores and the other learns it. lease_owner and lease_until name the run holding the
-- job (both null when none does). (Versions 25, 27 and 29 belong to other domains' migrations.)

CREATE TABLE crm_duplicate_job (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    job_name VARCHAR(64) COLLATE "C" NOT NULL,
    phase VARCHAR(10) NOT NULL,
    position VARCHAR(1100) COLLATE "C",
    blocks_done BIGINT NOT NULL,
    pairs_found BIGINT NOT NULL,
    lease_owner VARCHAR(64) COLLATE "C",
    lease_until TIMESTAMPTZ,
    CONSTRAINT pk_crm_duplicate_job PRIMARY KEY (tenant_id, job_name)
);
INSERT INTO crm_schema_version (version) VALUES (30);
