-- The service desk's reports. Satisfaction surveys: a customer's score and comment after a ticket was resolved, at
-- most one per ticket (uq_crm_survey_response_ticket; a second insert for the ticket fails on it even from another
-- node), with the agent and team the ticket had when it was answered, so the reports group by them without joining
-- history. First-response and resolution times: percentiles over the business time completed milestones took, found
-- by completion time (ix_crm_ticket_milestone_completed).
-- (Versions 24 to 27 belong to other domains' migrations.)

CREATE TABLE crm_survey_response (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    ticket_id UUID NOT NULL,
    customer_id UUID NOT NULL,
    agent_id UUID,
    team_id UUID,
    score INTEGER NOT NULL,
    comment VARCHAR(2000),
    answered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_survey_response PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_crm_survey_response_ticket UNIQUE (tenant_id, ticket_id),
    CONSTRAINT ck_crm_survey_response_score CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX ix_crm_survey_response_answered ON crm_survey_response (tenant_id, answered_at);
CREATE INDEX ix_crm_ticket_milestone_completed ON crm_ticket_milestone (tenant_id, completed_at);
INSERT INTO crm_schema_version (version) VALUES (28);
