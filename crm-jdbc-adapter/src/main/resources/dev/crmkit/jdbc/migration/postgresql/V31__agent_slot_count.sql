-- Each agent's active-ticket count lives on the agent's routing slot, changed in the unit of every ticket change that
-- changes it and versioned with the slot, so routing reads the slot and no ticket. A slot is also stored for an
-- agent that routing never gave a ticket (assigned by hand): last_routed_at may be NULL.
ALTER TABLE crm_ticket_agent_slot ALTER COLUMN last_routed_at DROP NOT NULL;
ALTER TABLE crm_ticket_agent_slot ADD COLUMN active_tickets INT NOT NULL DEFAULT 0;
-- The counts of the tickets stored now; the versions move on, so a routing that read a slot before this conflicts.
UPDATE crm_ticket_agent_slot SET version = version + 1, active_tickets = (SELECT COUNT(*) FROM crm_ticket t
    WHERE t.tenant_id = crm_ticket_agent_slot.tenant_id AND t.assignee_id = crm_ticket_agent_slot.member_id
    AND t.state IN ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY'));
-- Agents with active tickets and no slot get one; its id is the member's id (unique per tenant like the slot).
INSERT INTO crm_ticket_agent_slot (tenant_id, member_id, id, version, created_at, updated_at, last_routed_at,
        active_tickets)
    SELECT t.tenant_id, t.assignee_id, t.assignee_id, 1, MAX(t.updated_at), MAX(t.updated_at), NULL, COUNT(*)
    FROM crm_ticket t
    WHERE t.assignee_id IS NOT NULL AND t.state IN ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY')
        AND NOT EXISTS (SELECT 1 FROM crm_ticket_agent_slot s WHERE s.tenant_id = t.tenant_id
            AND s.member_id = t.assignee_id)
    GROUP BY t.tenant_id, t.assignee_id;
INSERT INTO crm_schema_version (version) VALUES (31);
