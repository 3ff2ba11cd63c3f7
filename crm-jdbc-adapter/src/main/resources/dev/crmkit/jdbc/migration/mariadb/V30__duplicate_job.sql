-- Customer matching, the bulk duplicate job: its checkpoint per tenant and job name (crm_duplicate_job), written
-- after every batch in the unit that enters the batch's pairs, and replaced by compare-and-set on the version, so of two
-- runs taking the job at once one stores and the other learns it. lease_owner and lease_until name the run holding the
-- job (both null when none does). (Versions 25, 27 and 29 belong to other domains' migrations.)

CREATE TABLE crm_duplicate_job (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    job_name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    phase VARCHAR(10) NOT NULL,
    position VARCHAR(1100),
    blocks_done BIGINT NOT NULL,
    pairs_found BIGINT NOT NULL,
    lease_owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
    lease_until DATETIME(6),
    CONSTRAINT pk_crm_duplicate_job PRIMARY KEY (tenant_id, job_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO crm_schema_version (version) VALUES (30);
