-- Ticket routing: each agent's routing slot (when routing last gave the agent a ticket, and a version every routing
-- to the agent moves on by compare-and-set, the guard of the agent's capacity) and the queue of tickets no agent
-- could take yet. Open tickets per agent are counted over crm_ticket's assignee index (V16).
-- (Versions 24 and 25 belong to other domains' migrations.)
CREATE TABLE crm_ticket_agent_slot (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    member_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    last_routed_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_ticket_agent_slot PRIMARY KEY (tenant_id, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE crm_ticket_routing_queue (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ticket_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    team_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    assignee_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    waiting_since DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_ticket_routing_queue PRIMARY KEY (tenant_id, ticket_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO crm_schema_version (version) VALUES (26);
