-- Ticket routing: each agent's routing slot (when routing last gave the agent a ticket, and a version every routing
-- to the agent moves on by compare-and-set, the guard of the agent's capacity) and the queue of tickets no agent
-- could take yet. Open tickets per agent are counted over crm_ticket's assignee index (V16).
-- (Versions 24 and 25 belong to other domains' migrations.)
CREATE TABLE crm_ticket_agent_slot (
    tenant_id VARCHAR(64) NOT NULL,
    member_id UUID NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_routed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_ticket_agent_slot PRIMARY KEY (tenant_id, member_id)
);

CREATE TABLE crm_ticket_routing_queue (
    tenant_id VARCHAR(64) NOT NULL,
    ticket_id UUID NOT NULL,
    team_id UUID,
    assignee_id UUID,
    waiting_since TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_ticket_routing_queue PRIMARY KEY (tenant_id, ticket_id)
);
INSERT INTO crm_schema_version (version) VALUES (26);
