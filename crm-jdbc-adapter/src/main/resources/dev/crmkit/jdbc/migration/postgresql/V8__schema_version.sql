-- The schema's own version, so JdbcStorage can check at start-up that the database and the code match, whichever
-- tool applied the scripts (the built-in migrator or Flyway). Every later script adds its version here as well.

CREATE TABLE crm_schema_version (
    version INTEGER NOT NULL,
    CONSTRAINT pk_crm_schema_version PRIMARY KEY (version)
);
INSERT INTO crm_schema_version (version) VALUES (8);
