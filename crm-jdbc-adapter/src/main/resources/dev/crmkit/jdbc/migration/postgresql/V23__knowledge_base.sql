-- The knowledge base of the ticket domain: FAQ articles searched by relevance with PostgreSQL's full-text search,
-- their views (for deflection reports) and the tickets anonymous sessions opened.
-- text_config is the text-search configuration of the article's language ('simple' when PostgreSQL has none for it);
-- search_vector weighs the title (A) over the body (B) and is kept by PostgreSQL itself.
-- (Versions 18 to 22 belong to other domains' migrations.)

CREATE TABLE crm_article (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    tags VARCHAR(1100) COLLATE "C" NOT NULL,
    language VARCHAR(35) COLLATE "C" NOT NULL,
    state VARCHAR(10) NOT NULL,
    published_at TIMESTAMPTZ,
    text_config REGCONFIG NOT NULL,
    search_vector TSVECTOR GENERATED ALWAYS AS (setweight(to_tsvector(text_config, title), 'A')
        || setweight(to_tsvector(text_config, body), 'B')) STORED,
    CONSTRAINT pk_crm_article PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_article_search ON crm_article USING GIN (search_vector);
CREATE INDEX ix_crm_article_state ON crm_article (tenant_id, state, language);

CREATE TABLE crm_article_view (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id UUID NOT NULL,
    article_id UUID NOT NULL,
    customer_id UUID,
    session_id VARCHAR(100) COLLATE "C",
    viewed_at TIMESTAMPTZ NOT NULL,
    window_ends_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_article_view PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_crm_article_view_viewed ON crm_article_view (tenant_id, viewed_at);

CREATE TABLE crm_session_ticket (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    session_id VARCHAR(100) COLLATE "C" NOT NULL,
    ticket_id UUID NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_crm_session_ticket PRIMARY KEY (tenant_id, session_id, ticket_id)
);
CREATE INDEX ix_crm_ticket_created ON crm_ticket (tenant_id, customer_id, created_at);
INSERT INTO crm_schema_version (version) VALUES (23);
