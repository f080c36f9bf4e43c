-- What a later start compares to skip Flyway (eu.aifactory.server.db.SchemaCheck): a digest of the migration files
-- the database was last migrated with and one of Flyway's history after that migration. One row. Portable SQL.
CREATE TABLE factory_schema_check (
    id INT PRIMARY KEY,
    migrations VARCHAR(64) NOT NULL,
    history VARCHAR(64) NOT NULL
);
