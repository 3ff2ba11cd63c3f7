-- Forecasting, issue 17 item 5. Forecast submissions (crm_forecast_submission): append-only, versioned 1, 2, 3 ...
-- per member, scope (REP or TEAM) and fiscal period; uq_crm_forecast_submission_version lets exactly one of two
-- racing submissions take a version, uq_crm_forecast_submission_key answers a retried submission by its key.
-- Pipeline snapshots (crm_forecast_snapshot) taken by the due-work scheduler, at most one per schedule and
-- occurrence (uq_crm_forecast_snapshot_occurrence, the guard against a second node taking the same occurrence),
-- with their cells (crm_forecast_snapshot_cell: per period, owner and category, amounts in the snapshot's
-- currency) and the exchange rates they used (crm_forecast_snapshot_rate). Accuracy sums cells by period
-- through ix_crm_forecast_snapshot_cell_period.

CREATE TABLE crm_forecast_submission (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    member_id UUID NOT NULL,
    scope VARCHAR(10) NOT NULL,
    period VARCHAR(12) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    kind VARCHAR(10) NOT NULL,
    submitted_by UUID NOT NULL,
    currency CHAR(3) COLLATE "C" NOT NULL,
    commit_amount DECIMAL(19,4) NOT NULL,
    best_case_amount DECIMAL(19,4) NOT NULL,
    pipeline_amount DECIMAL(19,4) NOT NULL,
    idempotency_key VARCHAR(100) COLLATE "C",
    submitted_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_forecast_submission PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_forecast_submission_version UNIQUE (tenant_id, member_id, scope, period, version),
    CONSTRAINT uq_crm_forecast_submission_key UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ix_crm_forecast_submission_period ON crm_forecast_submission (tenant_id, period, member_id);

CREATE TABLE crm_forecast_snapshot (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    schedule VARCHAR(100) COLLATE "C" NOT NULL,
    occurrence TIMESTAMPTZ NOT NULL,
    taken_at TIMESTAMPTZ NOT NULL,
    first_period VARCHAR(12) COLLATE "C" NOT NULL,
    periods INT NOT NULL,
    currency CHAR(3) COLLATE "C" NOT NULL,
    CONSTRAINT pk_crm_forecast_snapshot PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_forecast_snapshot_occurrence UNIQUE (tenant_id, schedule, occurrence)
);
CREATE INDEX ix_crm_forecast_snapshot_taken ON crm_forecast_snapshot (tenant_id, taken_at, id);

CREATE TABLE crm_forecast_snapshot_cell (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    snapshot_id UUID NOT NULL,
    line INT NOT NULL,
    period VARCHAR(12) COLLATE "C" NOT NULL,
    owner_id UUID,
    category VARCHAR(10) NOT NULL,
    deals BIGINT NOT NULL,
    amount DECIMAL(19,4) NOT NULL,
    weighted_amount DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_crm_forecast_snapshot_cell PRIMARY KEY (tenant_id, snapshot_id, line)
);
CREATE INDEX ix_crm_forecast_snapshot_cell_period ON crm_forecast_snapshot_cell (tenant_id, period, snapshot_id);

CREATE TABLE crm_forecast_snapshot_rate (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    snapshot_id UUID NOT NULL,
    line INT NOT NULL,
    period VARCHAR(12) COLLATE "C" NOT NULL,
    from_currency CHAR(3) COLLATE "C" NOT NULL,
    rate DECIMAL(30,12) NOT NULL,
    applies_from DATE NOT NULL,
    CONSTRAINT pk_crm_forecast_snapshot_rate PRIMARY KEY (tenant_id, snapshot_id, line)
);

INSERT INTO crm_schema_version (version) VALUES (18);
