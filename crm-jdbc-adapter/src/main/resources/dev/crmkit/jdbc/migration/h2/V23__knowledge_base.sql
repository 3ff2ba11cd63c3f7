-- The knowledge base of the ticket domain: FAQ articles, their views (for deflection reports) and the tickets
-- anonymous sessions opened. H2 has no full-text ranking of its own that CRMKit uses: crm_article_term holds each
-- word of an article with its weight (SearchTerms: title over body), kept by the adapter, and the ranking is a sum
-- over it.
-- (Versions 18 to 22 belong to other domains' migrations.)

CREATE TABLE crm_article (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    title VARCHAR(200) NOT NULL,
    body VARCHAR(50000) NOT NULL,
    tags VARCHAR(1100) NOT NULL,
    language VARCHAR(35) NOT NULL,
    state VARCHAR(10) NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_crm_article PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_article_state ON crm_article (tenant_id, state, language);

CREATE TABLE crm_article_term (
    tenant_id VARCHAR(64) NOT NULL,
    article_id UUID NOT NULL,
    term VARCHAR(50) NOT NULL,
    weight INTEGER NOT NULL,
    CONSTRAINT pk_crm_article_term PRIMARY KEY (tenant_id, term, article_id)
);
CREATE INDEX ix_crm_article_term_article ON crm_article_term (tenant_id, article_id);

CREATE TABLE crm_article_view (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    article_id UUID NOT NULL,
    customer_id UUID,
    session_id VARCHAR(100),
    viewed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_ends_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_article_view PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_article_view_viewed ON crm_article_view (tenant_id, viewed_at);

CREATE TABLE crm_session_ticket (
    tenant_id VARCHAR(64) NOT NULL,
    session_id VARCHAR(100) NOT NULL,
    ticket_id UUID NOT NULL,
    opened_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_session_ticket PRIMARY KEY (tenant_id, session_id, ticket_id)
);
CREATE INDEX ix_crm_ticket_created ON crm_ticket (tenant_id, customer_id, created_at);
INSERT INTO crm_schema_version (version) VALUES (23);
