-- Issue 16, parts 1 and 2: where each energy figure comes from, and which version of the law it is compared with.
-- Everything here is data: a real feed adds a row to energy_sources, a new draft of the law a rule set. Portable SQL
-- (H2 2.x and PostgreSQL 12+); dates are site-local calendar dates, valid_to is exclusive.

-- What a power_samples.provenance value means. kind: 'measured' (a meter: source and device) or 'modelled' (a model
-- and its version). boundary: what the figure covers: GPU (the GPUs' own sensors), NODE (a whole node or the
-- workload's share of it) or FACILITY (a meter on the hall's supply). uncertainty: the relative error of IT energy
-- from this source (half-width of the band, as a fraction). illustrative: the source is played by the demo factory.
CREATE TABLE energy_sources (
    provenance     VARCHAR(80)    PRIMARY KEY,
    kind           VARCHAR(16)    NOT NULL,
    source         VARCHAR(200)   NOT NULL,
    device         VARCHAR(300),
    model          VARCHAR(300),
    model_version  VARCHAR(40),
    boundary       VARCHAR(16)    NOT NULL,
    uncertainty    NUMERIC(6,4)   NOT NULL,
    illustrative   BOOLEAN        NOT NULL,
    description    VARCHAR(1000)  NOT NULL,
    CHECK (kind IN ('measured', 'modelled')),
    CHECK (boundary IN ('GPU', 'NODE', 'FACILITY'))
);
INSERT INTO energy_sources (provenance, kind, source, device, model, model_version, boundary, uncertainty, illustrative, description) VALUES
    ('simulated', 'modelled', 'Demo factory simulator', NULL,
     'Power model: GPUs at idle + (TDP - idle) x utilisation plus the plan''s share of the node''s non-GPU power', 'afp-energy-2026.1',
     'NODE', 0.15, TRUE,
     'Samples written before sources were recorded: the simulator''s synthetic power of the GPUs and the node share'),
    ('modelled: power model (simulated)', 'modelled', 'Demo factory simulator', NULL,
     'Power model: GPUs at idle + (TDP - idle) x utilisation plus the plan''s share of the node''s non-GPU power', 'afp-energy-2026.1',
     'NODE', 0.15, TRUE,
     'The RTX PRO servers of Hall 2 have no per-job meter in the demo factory: power follows the app''s typical GPU utilisation'),
    ('measured: DCGM (simulated feed)', 'measured', 'NVIDIA DCGM (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION)',
     'NVIDIA B200 on-board power sensors of the DGX B200 nodes in Hall 1, read by dcgm-exporter', NULL, NULL,
     'GPU', 0.05, TRUE,
     'The demo factory plays the DCGM energy counter of the GPUs; the plan''s node share is added from its allocation'),
    ('modelled: plan power at typical GPU utilisation x run time', 'modelled', 'Slurm engine',
     NULL, 'Plan power at the app''s typical GPU utilisation x run time (slurmrestd reports no energy without slurmdbd)',
     'afp-energy-2026.1', 'NODE', 0.20, FALSE,
     'Workloads run as Slurm jobs; their energy is modelled from the plan and the run time'),
    ('measured: Slurm acct_gather_energy', 'measured', 'Slurm acct_gather_energy (ConsumedEnergy)',
     'Node BMC power readings through the acct_gather_energy/ipmi plugin', NULL, NULL,
     'NODE', 0.05, FALSE,
     'Energy Slurm accounted to the job, summed over its nodes'),
    ('measured: facility meter', 'measured', 'Facility meter (MID class B)',
     'Calibrated sub-meter on the hall''s power distribution units', NULL, NULL,
     'FACILITY', 0.01, FALSE,
     'Energy of a dedicated hall or cage read from the facility''s calibrated meter');

-- The report groups samples by provenance as well: the covering index gains the column.
DROP INDEX IF EXISTS ix_power_samples_energy;
CREATE INDEX ix_power_samples_energy ON power_samples (tenant_id, ts, workload_id, total_energy_mj, power_usage_w, provenance);

-- Which part of the site a facility indicator covers (the PUE of one hall or of the whole site).
ALTER TABLE site_indicators ADD COLUMN coverage VARCHAR(200) DEFAULT 'whole site (Hall 1 and Hall 2)' NOT NULL;

-- Registrations and heat network of the site (illustrative identifiers of the demo site).
ALTER TABLE energy_sites ADD COLUMN eu_database_id VARCHAR(100);
ALTER TABLE energy_sites ADD COLUMN de_register_id VARCHAR(100);
ALTER TABLE energy_sites ADD COLUMN heat_network_within_5km BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE energy_sites SET eu_database_id = 'EU-DC-DE-2026-004711 (illustrative)',
    de_register_id = 'RZ-REG-DE-2026-0815 (illustrative)', heat_network_within_5km = TRUE
    WHERE site = 'muc-tucherpark';

-- Versions of the rules the indicators are compared with. status: ENACTED (law in force) or PROPOSED (a draft).
CREATE TABLE rule_sets (
    id            VARCHAR(40)    PRIMARY KEY,
    name          VARCHAR(200)   NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    legal_source  VARCHAR(500)   NOT NULL,
    published_on  DATE           NOT NULL,
    note          VARCHAR(1000)  NOT NULL,
    CHECK (status IN ('ENACTED', 'PROPOSED'))
);
INSERT INTO rule_sets (id, name, status, legal_source, published_on, note) VALUES
    ('enefg-2023', 'EnEfG 2023', 'ENACTED',
     'Energieeffizienzgesetz (EnEfG) of 13 November 2023, BGBl. 2023 I Nr. 309, § 11 (in force 18 November 2023)',
     DATE '2023-11-17', 'The law in force'),
    ('enefg-2026-draft', 'EnEfG amendment, draft of April 2026', 'PROPOSED',
     'Federal ministry draft amending the EnEfG, 9 April 2026 (Referentenentwurf; status unconfirmed, not in force)',
     DATE '2026-04-09', 'Proposed: relaxes the PUE limits and waives the waste-heat duty where no heat network lies within 5 km; 100 % renewables and the management system stay');

-- The limits of each rule set, by site class: NEW = operating from 1 July 2026, EXISTING = before, ALL = every one.
-- waived_without_heat_network: the limit does not apply to a site without a heat network within 5 km.
CREATE TABLE rule_thresholds (
    rule_set         VARCHAR(40)    NOT NULL REFERENCES rule_sets (id),
    indicator        VARCHAR(8)     NOT NULL,
    site_class       VARCHAR(16)    NOT NULL,
    applies_from     DATE           NOT NULL,
    comparator       VARCHAR(2)     NOT NULL,
    threshold_value  NUMERIC(10,4)  NOT NULL,
    unit             VARCHAR(20)    NOT NULL,
    legal_reference  VARCHAR(300)   NOT NULL,
    note             VARCHAR(500)   NOT NULL,
    waived_without_heat_network BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (rule_set, indicator, site_class, applies_from),
    CHECK (comparator IN ('<=', '>=')),
    CHECK (site_class IN ('NEW', 'EXISTING', 'ALL'))
);
INSERT INTO rule_thresholds (rule_set, indicator, site_class, applies_from, comparator, threshold_value, unit, legal_reference, note)
    SELECT 'enefg-2023', indicator, site_class, applies_from, comparator, threshold_value, unit, legal_reference, note
    FROM enefg_thresholds;
DROP TABLE enefg_thresholds;
INSERT INTO rule_thresholds (rule_set, indicator, site_class, applies_from, comparator, threshold_value, unit, legal_reference, note, waived_without_heat_network) VALUES
    ('enefg-2026-draft', 'PUE', 'NEW', DATE '2026-07-01', '<=', 1.3, 'ratio', 'EnEfG § 11 as amended by the draft of 9 April 2026 (data centres operating from 1 July 2026)',
     'Proposed: annual average PUE of 1.3 instead of 1.2', FALSE),
    ('enefg-2026-draft', 'PUE', 'EXISTING', DATE '2027-07-01', '<=', 1.6, 'ratio', 'EnEfG § 11 as amended by the draft of 9 April 2026 (data centres operating before 1 July 2026)',
     'Proposed: annual average PUE of 1.6 from 2027 instead of 1.5', FALSE),
    ('enefg-2026-draft', 'PUE', 'EXISTING', DATE '2030-07-01', '<=', 1.4, 'ratio', 'EnEfG § 11 as amended by the draft of 9 April 2026 (data centres operating before 1 July 2026)',
     'Proposed: annual average PUE of 1.4 from 2030 instead of 1.3', FALSE),
    ('enefg-2026-draft', 'ERF', 'NEW', DATE '2026-07-01', '>=', 0.10, 'fraction', 'EnEfG § 11 as amended by the draft of 9 April 2026',
     'Share of reused energy of at least 10 %; proposed: waived where no heat network lies within 5 km', TRUE),
    ('enefg-2026-draft', 'ERF', 'NEW', DATE '2027-07-01', '>=', 0.15, 'fraction', 'EnEfG § 11 as amended by the draft of 9 April 2026',
     'Share of reused energy of at least 15 %; proposed: waived where no heat network lies within 5 km', TRUE),
    ('enefg-2026-draft', 'ERF', 'NEW', DATE '2028-07-01', '>=', 0.20, 'fraction', 'EnEfG § 11 as amended by the draft of 9 April 2026',
     'Share of reused energy of at least 20 %; proposed: waived where no heat network lies within 5 km', TRUE),
    ('enefg-2026-draft', 'REF', 'ALL', DATE '2024-01-01', '>=', 0.50, 'fraction', 'EnEfG § 11 (unchanged by the draft of 9 April 2026)',
     'Electricity consumption covered on balance at least 50 % by electricity from renewable sources', FALSE),
    ('enefg-2026-draft', 'REF', 'ALL', DATE '2027-01-01', '>=', 1.00, 'fraction', 'EnEfG § 11 (unchanged by the draft of 9 April 2026)',
     'Electricity consumption covered on balance 100 % by electricity from renewable sources', FALSE);

-- Guarantees of origin behind the site's REF (illustrative certificates of the demo site).
CREATE TABLE renewable_certificates (
    site              VARCHAR(64)    NOT NULL REFERENCES energy_sites (site),
    certificate_id    VARCHAR(100)   NOT NULL,
    registry          VARCHAR(200)   NOT NULL,
    production_from   DATE           NOT NULL,
    production_to     DATE           NOT NULL,
    mwh               NUMERIC(12,3)  NOT NULL,
    energy_source     VARCHAR(100)   NOT NULL,
    plant             VARCHAR(200)   NOT NULL,
    plant_country     VARCHAR(2)     NOT NULL,
    unsubsidised      BOOLEAN        NOT NULL,
    PRIMARY KEY (site, certificate_id),
    CHECK (production_from < production_to)
);

-- The site's water use and the heat it passed on, per period (illustrative figures of the demo site).
CREATE TABLE site_resource_flows (
    site                  VARCHAR(64)    NOT NULL REFERENCES energy_sites (site),
    valid_from            DATE           NOT NULL,
    valid_to              DATE           NOT NULL,
    water_litres          NUMERIC(16,1)  NOT NULL,
    reused_heat_kwh       NUMERIC(16,1)  NOT NULL,
    heat_supply_temp_c    NUMERIC(5,1)   NOT NULL,
    heat_recipient        VARCHAR(200)   NOT NULL,
    source                VARCHAR(500)   NOT NULL,
    PRIMARY KEY (site, valid_from),
    CHECK (valid_from < valid_to)
);

INSERT INTO site_resource_flows (site, valid_from, valid_to, water_litres, reused_heat_kwh, heat_supply_temp_c, heat_recipient, source) VALUES
    ('muc-tucherpark', DATE '2026-02-01', DATE '2026-03-01', 1209600.0, 999129.6, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-03-01', DATE '2026-04-01', 1473120.0, 956188.8, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-04-01', DATE '2026-05-01', 1620000.0, 855360.0, 58.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-05-01', DATE '2026-06-01', 2008800.0, 729194.4, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-06-01', DATE '2026-07-01', 2268000.0, 637632.0, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-07-01', DATE '2026-08-01', 2678400.0, 669600.0, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-08-01', DATE '2026-09-01', 2544480.0, 664243.2, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-09-01', DATE '2026-10-01', 2073600.0, 711504.0, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-10-01', DATE '2026-11-01', 1807920.0, 883872.0, 58.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-11-01', DATE '2026-12-01', 1490400.0, 1002456.0, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2026-12-01', DATE '2027-01-01', 1406160.0, 1106179.2, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-01-01', DATE '2027-02-01', 1339200.0, 1175148.0, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-02-01', DATE '2027-03-01', 1209600.0, 1061424.0, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-03-01', DATE '2027-04-01', 1473120.0, 1027166.4, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-04-01', DATE '2027-05-01', 1620000.0, 925344.0, 58.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-05-01', DATE '2027-06-01', 2008800.0, 803520.0, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-06-01', DATE '2027-07-01', 2268000.0, 711504.0, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-07-01', DATE '2027-08-01', 2678400.0, 747273.6, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-08-01', DATE '2027-09-01', 2544480.0, 741247.2, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-09-01', DATE '2027-10-01', 2073600.0, 784080.0, 55.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-10-01', DATE '2027-11-01', 1807920.0, 956188.8, 58.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-11-01', DATE '2027-12-01', 1490400.0, 1070496.0, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published'),
    ('muc-tucherpark', DATE '2027-12-01', DATE '2028-01-01', 1406160.0, 1175148.0, 62.0, 'Stadtwerke München district heating network (illustrative)', 'Illustrative: 9 MW average IT load x the month''s WUE and ERF; heat lifted by heat pumps to the supply temperature; not measured or published');

INSERT INTO renewable_certificates (site, certificate_id, registry, production_from, production_to, mwh, energy_source, plant, plant_country, unsubsidised) VALUES
    ('muc-tucherpark', 'HKN-DE-202602-00001 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-02-01', DATE '2026-03-01', 4281.984, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202602-00002 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-02-01', DATE '2026-03-01', 2854.656, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202603-00003 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-03-01', DATE '2026-04-01', 4780.944, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202603-00004 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-03-01', DATE '2026-04-01', 3187.296, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202604-00005 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-04-01', DATE '2026-05-01', 4665.600, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202604-00006 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-04-01', DATE '2026-05-01', 3110.400, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202605-00007 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-05-01', DATE '2026-06-01', 4861.296, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202605-00008 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-05-01', DATE '2026-06-01', 3240.864, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202606-00009 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-06-01', DATE '2026-07-01', 4782.240, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202606-00010 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-06-01', DATE '2026-07-01', 3188.160, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202607-00011 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-07-01', DATE '2026-08-01', 5022.000, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202607-00012 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-07-01', DATE '2026-08-01', 3348.000, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202608-00013 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-08-01', DATE '2026-09-01', 4981.824, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202608-00014 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-08-01', DATE '2026-09-01', 3321.216, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202609-00015 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-09-01', DATE '2026-10-01', 4743.360, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202609-00016 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-09-01', DATE '2026-10-01', 3162.240, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202610-00017 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-10-01', DATE '2026-11-01', 4821.120, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202610-00018 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-10-01', DATE '2026-11-01', 3214.080, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202611-00019 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-11-01', DATE '2026-12-01', 4626.720, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202611-00020 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-11-01', DATE '2026-12-01', 3084.480, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202612-00021 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2026-12-01', DATE '2027-01-01', 4740.768, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202612-00022 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2026-12-01', DATE '2027-01-01', 3160.512, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202701-00023 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-01-01', DATE '2027-02-01', 4700.592, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202701-00024 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-01-01', DATE '2027-02-01', 3133.728, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202702-00025 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-02-01', DATE '2027-03-01', 4245.696, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202702-00026 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-02-01', DATE '2027-03-01', 2830.464, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202703-00027 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-03-01', DATE '2027-04-01', 4740.768, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202703-00028 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-03-01', DATE '2027-04-01', 3160.512, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202704-00029 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-04-01', DATE '2027-05-01', 4626.720, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202704-00030 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-04-01', DATE '2027-05-01', 3084.480, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202705-00031 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-05-01', DATE '2027-06-01', 4821.120, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202705-00032 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-05-01', DATE '2027-06-01', 3214.080, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202706-00033 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-06-01', DATE '2027-07-01', 4743.360, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202706-00034 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-06-01', DATE '2027-07-01', 3162.240, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202707-00035 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-07-01', DATE '2027-08-01', 4981.824, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202707-00036 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-07-01', DATE '2027-08-01', 3321.216, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202708-00037 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-08-01', DATE '2027-09-01', 4941.648, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202708-00038 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-08-01', DATE '2027-09-01', 3294.432, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202709-00039 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-09-01', DATE '2027-10-01', 4704.480, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202709-00040 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-09-01', DATE '2027-10-01', 3136.320, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202710-00041 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-10-01', DATE '2027-11-01', 4780.944, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202710-00042 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-10-01', DATE '2027-11-01', 3187.296, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202711-00043 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-11-01', DATE '2027-12-01', 4587.840, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202711-00044 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-11-01', DATE '2027-12-01', 3058.560, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE),
    ('muc-tucherpark', 'HKN-DE-202712-00045 (illustrative)', 'Herkunftsnachweisregister (HKNR), Umweltbundesamt', DATE '2027-12-01', DATE '2028-01-01', 4700.592, 'wind (onshore)', 'Windpark Oberpfalz (post-EEG, PPA)', 'DE', TRUE),
    ('muc-tucherpark', 'GO-NO-202712-00046 (illustrative)', 'NECS registry (Statnett), transferred via the AIB hub', DATE '2027-12-01', DATE '2028-01-01', 3133.728, 'hydro (run-of-river)', 'Hydro plant in Vestland', 'NO', TRUE);
