-- The team domain: members (sales reps, service agents, managers), their skills, languages and territories as
-- attribute rows, and teams.

CREATE TABLE crm_team (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    name VARCHAR(100) NOT NULL,
    manager_id UUID,
    CONSTRAINT pk_crm_team PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_team_name UNIQUE (tenant_id, name)
);

CREATE TABLE crm_team_member (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    user_id VARCHAR(100) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    team_id UUID,
    manager_id UUID,
    seniority INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    availability VARCHAR(20) NOT NULL,
    away_until TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_crm_team_member PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_team_member_user UNIQUE (tenant_id, user_id)
);
CREATE INDEX ix_crm_team_member_team ON crm_team_member (tenant_id, team_id, id);
CREATE INDEX ix_crm_team_member_manager ON crm_team_member (tenant_id, manager_id, id);

CREATE TABLE crm_team_member_attribute (
    tenant_id VARCHAR(64) NOT NULL,
    member_id UUID NOT NULL,
    kind VARCHAR(10) NOT NULL,
    attr_value VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_team_member_attribute PRIMARY KEY (tenant_id, member_id, kind, attr_value)
);
CREATE INDEX ix_crm_team_member_attribute_value ON crm_team_member_attribute (tenant_id, kind, attr_value, member_id);
