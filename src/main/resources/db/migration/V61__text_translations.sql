-- German forms of the English texts the factory's records carry (site names, attestation scopes, legal bases),
-- keyed by the English text: a signed report carries both, so it reads the same whatever language was asked for.
CREATE TABLE text_translations (
    language   VARCHAR(8)    NOT NULL,
    english    VARCHAR(1000) NOT NULL,
    translated VARCHAR(1000) NOT NULL,
    PRIMARY KEY (language, english)
);
INSERT INTO text_translations (language, english, translated) VALUES
    ('de', 'Munich (Tucherpark)', 'München (Tucherpark)'),
    ('de', 'Munich', 'München'),
    ('de', 'Industrial AI Cloud: GPU halls, tenant storage and all processing',
           'Industrial AI Cloud: GPU-Hallen, Mandantenspeicher und die gesamte Verarbeitung'),
    ('de', 'Backup storage only (encrypted object storage); no processing',
           'Nur Sicherungskopien (verschlüsselter Objektspeicher); keine Verarbeitung'),
    ('de', 'Backup copy within Germany under the data processing agreement (GDPR Art. 28; Art. 32(1)(c) availability and restore)',
           'Sicherungskopie innerhalb Deutschlands gemäß Auftragsverarbeitungsvertrag (DSGVO Art. 28; Art. 32 Abs. 1 lit. c Verfügbarkeit und Wiederherstellung)');
