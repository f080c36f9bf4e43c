-- Issue 16, part 6: attestations name their framework and the criteria they cover (BSI C5:2026 beside C5:2020, and
-- open for others: EU Cloud Sovereignty Framework levels, Gaia-X labels), and the residency report states the
-- provider's disclosures: applicable law, parent company, subprocessors, and official data requests.
-- Portable SQL (H2 2.x and PostgreSQL 12+); times are epoch milliseconds (UTC) like V20.

-- A catalogue of requirements an attestation, label or level is issued against.
CREATE TABLE compliance_frameworks (
    id          VARCHAR(40)    PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    publisher   VARCHAR(200)   NOT NULL,
    version     VARCHAR(40)    NOT NULL,
    kind        VARCHAR(16)    NOT NULL,
    catalogue   VARCHAR(500)   NOT NULL,
    CHECK (kind IN ('ATTESTATION', 'CERTIFICATE', 'LABEL', 'LEVEL'))
);
INSERT INTO compliance_frameworks (id, name, publisher, version, kind, catalogue) VALUES
    ('bsi-c5-2020', 'BSI Cloud Computing Compliance Criteria Catalogue (C5)', 'Bundesamt für Sicherheit in der Informationstechnik (BSI)', 'C5:2020', 'ATTESTATION',
     'https://www.bsi.bund.de/C5'),
    ('bsi-c5-2026', 'BSI Cloud Computing Compliance Criteria Catalogue (C5)', 'Bundesamt für Sicherheit in der Informationstechnik (BSI)', 'C5:2026', 'ATTESTATION',
     'https://www.bsi.bund.de/C5 (machine-readable catalogue, 168 criteria)'),
    ('iso-27001-2022', 'ISO/IEC 27001 Information security management systems', 'ISO/IEC', '2022', 'CERTIFICATE', 'ISO/IEC 27001:2022, Annex A'),
    ('tisax', 'TISAX (VDA Information Security Assessment)', 'ENX Association', 'VDA ISA 6', 'LABEL', 'https://enx.com/tisax'),
    ('iso-50001-2018', 'ISO 50001 Energy management systems', 'ISO', '2018', 'CERTIFICATE', 'ISO 50001:2018'),
    ('eu-csf', 'EU Cloud Sovereignty Framework', 'European Commission', '1.2.1', 'LEVEL',
     'Sovereignty objectives SOV-1 to SOV-8, assurance levels SEAL-0 to SEAL-4'),
    ('gaia-x', 'Gaia-X Compliance (Trust Framework and Labels)', 'Gaia-X European Association for Data and Cloud AISBL', '24.11', 'LABEL',
     'Gaia-X Compliance Document: Standard Compliance and Label Levels 1 to 3');

ALTER TABLE attestations ADD COLUMN framework_id VARCHAR(40) REFERENCES compliance_frameworks (id);
ALTER TABLE attestations ADD COLUMN level VARCHAR(40);
UPDATE attestations SET framework_id = 'bsi-c5-2020' WHERE id = 'att-bsi-c5-type2';
UPDATE attestations SET framework_id = 'iso-27001-2022' WHERE id = 'att-iso-27001';
UPDATE attestations SET framework_id = 'tisax', level = 'AL3' WHERE id = 'att-tisax-al3';
UPDATE attestations SET framework_id = 'iso-50001-2018' WHERE id = 'att-iso-50001';

-- The criteria of its framework an attestation covers (criterion ids as the framework's catalogue spells them).
CREATE TABLE attestation_criteria (
    attestation_id  VARCHAR(64)    NOT NULL REFERENCES attestations (id),
    criterion_id    VARCHAR(40)    NOT NULL,
    title           VARCHAR(300)   NOT NULL,
    PRIMARY KEY (attestation_id, criterion_id)
);

-- What the provider discloses about itself (one row per provider; the report takes the one in force at its end).
CREATE TABLE provider_disclosures (
    id                      VARCHAR(40)    PRIMARY KEY,
    provider                VARCHAR(200)   NOT NULL,
    provider_country        VARCHAR(2)     NOT NULL,
    parent_company          VARCHAR(200)   NOT NULL,
    parent_country          VARCHAR(2)     NOT NULL,
    applicable_law          VARCHAR(1000)  NOT NULL,
    parent_law              VARCHAR(1000)  NOT NULL,
    data_request_policy     VARCHAR(1000)  NOT NULL,
    effective_from          BIGINT         NOT NULL
);
INSERT INTO provider_disclosures (id, provider, provider_country, parent_company, parent_country, applicable_law, parent_law,
                                  data_request_policy, effective_from) VALUES
    ('disclosure-2026', 'T-Systems International GmbH (operator of the Industrial AI Cloud)', 'DE', 'Deutsche Telekom AG', 'DE',
     'German law and EU law: contracts under German law, place of jurisdiction Frankfurt am Main; GDPR and BDSG for personal data',
     'The parent company is a German stock corporation seated in Bonn and subject to German and EU law only; no non-EU law gives a foreign authority access to tenant data through it',
     'Official requests for tenant data are answered only on a binding order under German law, checked by the legal department; the tenant is told unless a court forbids it; requests from outside the EU are refused unless they come through German mutual legal assistance',
     1767225600000);

-- Companies that process tenant data on the provider's behalf, and where.
CREATE TABLE subprocessors (
    id          VARCHAR(40)    PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    service     VARCHAR(300)   NOT NULL,
    country     VARCHAR(2)     NOT NULL,
    location    VARCHAR(200)   NOT NULL,
    since       BIGINT         NOT NULL,
    until_at    BIGINT
);
INSERT INTO subprocessors (id, name, service, country, location, since, until_at) VALUES
    ('sp-polarise', 'Polarise GmbH', 'GPU platform operations (partner of the operator)', 'DE', 'Munich (Tucherpark)', 1767225600000, NULL),
    ('sp-backup', 'Example Rechenzentrum Biere GmbH (illustrative)', 'Colocation of the encrypted backup storage', 'DE', 'Biere', 1767225600000, NULL),
    ('sp-support', 'Example Support Services GmbH (illustrative)', 'Second-level support, access only on a ticket', 'DE', 'Berlin', 1767225600000, NULL);

-- Official requests for a tenant's data (from authorities or courts), kept so that the report can count them.
CREATE TABLE official_data_requests (
    id                 VARCHAR(40)    PRIMARY KEY,
    tenant_id          VARCHAR(64)    NOT NULL REFERENCES tenants (id),
    received_at        BIGINT         NOT NULL,
    authority          VARCHAR(300)   NOT NULL,
    authority_country  VARCHAR(2)     NOT NULL,
    legal_basis        VARCHAR(500)   NOT NULL,
    outcome            VARCHAR(16)    NOT NULL,
    CHECK (outcome IN ('REFUSED', 'DISCLOSED', 'PENDING', 'WITHDRAWN'))
);
CREATE INDEX ix_official_data_requests_tenant ON official_data_requests (tenant_id, received_at);

INSERT INTO text_translations (language, english, translated) VALUES
    ('de', 'T-Systems International GmbH (operator of the Industrial AI Cloud)', 'T-Systems International GmbH (Betreiberin der Industrial AI Cloud)'),
    ('de', 'German law and EU law: contracts under German law, place of jurisdiction Frankfurt am Main; GDPR and BDSG for personal data',
           'Deutsches und EU-Recht: Verträge nach deutschem Recht, Gerichtsstand Frankfurt am Main; DSGVO und BDSG für personenbezogene Daten'),
    ('de', 'The parent company is a German stock corporation seated in Bonn and subject to German and EU law only; no non-EU law gives a foreign authority access to tenant data through it',
           'Die Muttergesellschaft ist eine deutsche Aktiengesellschaft mit Sitz in Bonn und unterliegt nur deutschem und EU-Recht; kein Recht außerhalb der EU verschafft einer ausländischen Behörde über sie Zugriff auf Mandantendaten'),
    ('de', 'Official requests for tenant data are answered only on a binding order under German law, checked by the legal department; the tenant is told unless a court forbids it; requests from outside the EU are refused unless they come through German mutual legal assistance',
           'Behördliche Anfragen nach Mandantendaten werden nur auf eine verbindliche Anordnung nach deutschem Recht beantwortet, die die Rechtsabteilung prüft; der Mandant wird informiert, sofern kein Gericht es untersagt; Anfragen von außerhalb der EU werden abgelehnt, sofern sie nicht über die deutsche Rechtshilfe kommen'),
    ('de', 'GPU platform operations (partner of the operator)', 'Betrieb der GPU-Plattform (Partner der Betreiberin)'),
    ('de', 'Colocation of the encrypted backup storage', 'Colocation des verschlüsselten Sicherungsspeichers'),
    ('de', 'Second-level support, access only on a ticket', 'Second-Level-Support, Zugriff nur mit Ticket');
