-- The team domain: members (sales reps, service agents, managers), their skills, languages and territories as
-- attribute rows, and teams.

CREATE TABLE crm_team (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    name VARCHAR(100) NOT NULL,
    manager_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    CONSTRAINT pk_crm_team PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_team_name UNIQUE (tenant_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE crm_team_member (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    user_id VARCHAR(100) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    team_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    manager_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    seniority INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    availability VARCHAR(20) NOT NULL,
    away_until DATETIME(6),
    CONSTRAINT pk_crm_team_member PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_team_member_user UNIQUE (tenant_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_team_member_team ON crm_team_member (tenant_id, team_id, id);
CREATE INDEX ix_crm_team_member_manager ON crm_team_member (tenant_id, manager_id, id);

CREATE TABLE crm_team_member_attribute (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    member_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind VARCHAR(10) NOT NULL,
    attr_value VARCHAR(64) NOT NULL,
    CONSTRAINT pk_crm_team_member_attribute PRIMARY KEY (tenant_id, member_id, kind, attr_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_team_member_attribute_value ON crm_team_member_attribute (tenant_id, kind, attr_value, member_id);
