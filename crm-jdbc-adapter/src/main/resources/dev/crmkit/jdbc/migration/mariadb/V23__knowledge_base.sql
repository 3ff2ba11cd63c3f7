-- The knowledge base of the ticket domain: FAQ articles searched by relevance with InnoDB FULLTEXT indexes (title
-- and body together, and the title alone to weigh it higher), their views (for deflection reports) and the tickets
-- anonymous sessions opened. Title and body use a case-insensitive collation, which FULLTEXT matching follows.
-- (Versions 18 to 22 belong to other domains' migrations.)

CREATE TABLE crm_article (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    title VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
    body MEDIUMTEXT COLLATE utf8mb4_unicode_ci NOT NULL,
    tags VARCHAR(1100) NOT NULL,
    language VARCHAR(35) NOT NULL,
    state VARCHAR(10) NOT NULL,
    published_at DATETIME(6),
    CONSTRAINT pk_crm_article PRIMARY KEY (tenant_id, id),
    FULLTEXT INDEX ft_crm_article_text (title, body),
    FULLTEXT INDEX ft_crm_article_title (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_article_state ON crm_article (tenant_id, state, language);

CREATE TABLE crm_article_view (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    article_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    session_id VARCHAR(100),
    viewed_at DATETIME(6) NOT NULL,
    window_ends_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_article_view PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_article_view_viewed ON crm_article_view (tenant_id, viewed_at);

CREATE TABLE crm_session_ticket (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    session_id VARCHAR(100) NOT NULL,
    ticket_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    opened_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_session_ticket PRIMARY KEY (tenant_id, session_id, ticket_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_crm_ticket_created ON crm_ticket (tenant_id, customer_id, created_at);
INSERT INTO crm_schema_version (version) VALUES (23);
