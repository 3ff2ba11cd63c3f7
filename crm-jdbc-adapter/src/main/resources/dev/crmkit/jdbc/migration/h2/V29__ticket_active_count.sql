-- Routing counts each candidate agent's active tickets (assignee and state) in one grouped statement. With the state
-- in the index the count reads the index alone; ix_crm_ticket_assignee, without it, made the database read every
-- ticket ever assigned to the candidates to learn its state.
CREATE INDEX ix_crm_ticket_assignee_state ON crm_ticket (tenant_id, assignee_id, state);
INSERT INTO crm_schema_version (version) VALUES (29);
