-- Service levels (docs/service.md): business-hours calendars, one per tenant (scope_key 'tenant') and one per team
-- (scope_key the team's id), and each tenant's SLA policy, both replaced whole by compare-and-set on their version;
-- the milestones of tickets with the state of their clocks, found due by ix_crm_ticket_milestone_due (due_at is set
-- only while a clock runs); team members' working hours and time zone, one row per member. Weekly hours, holidays
-- and targets are read and written whole and never queried, so each is one encoded text column.
-- (Versions 18 to 20 belong to other domains' migrations.)

CREATE TABLE crm_business_calendar (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    scope_key VARCHAR(36) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    team_id UUID,
    zone VARCHAR(64) NOT NULL,
    hours VARCHAR(2000) NOT NULL,
    holidays TEXT NOT NULL,
    CONSTRAINT pk_crm_business_calendar PRIMARY KEY (tenant_id, scope_key)
);

CREATE TABLE crm_sla_policy (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    targets TEXT NOT NULL,
    CONSTRAINT pk_crm_sla_policy PRIMARY KEY (tenant_id)
);

CREATE TABLE crm_ticket_milestone (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    ticket_id UUID NOT NULL,
    kind VARCHAR(20) NOT NULL,
    target_micros BIGINT NOT NULL,
    elapsed_micros BIGINT NOT NULL,
    running_since TIMESTAMPTZ,
    due_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    breached BOOLEAN NOT NULL,
    CONSTRAINT pk_crm_ticket_milestone PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_ticket_milestone_ticket ON crm_ticket_milestone (tenant_id, ticket_id, id);
CREATE INDEX ix_crm_ticket_milestone_due ON crm_ticket_milestone (tenant_id, due_at, id);

CREATE TABLE crm_team_member_hours (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    member_id UUID NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    zone VARCHAR(64) NOT NULL,
    hours VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_crm_team_member_hours PRIMARY KEY (tenant_id, member_id)
);
INSERT INTO crm_schema_version (version) VALUES (21);
