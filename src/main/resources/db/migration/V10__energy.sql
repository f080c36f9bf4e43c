-- Energy reporting (issue 5): the site's facility indicators per period, the EnEfG thresholds they are compared
-- with, the site's legal class, and the emission factors the per-workload receipts and period reports use.
-- Everything here is DATA: replace or extend it with a later migration or an admin's SQL, no code change needed.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. Dates are site-local (Europe/Berlin) calendar dates;
-- valid_to is exclusive.

-- The site whose indicators are reported, and which EnEfG class of limits the report compares them with.
CREATE TABLE energy_sites (
    site             VARCHAR(64)   PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    time_zone        VARCHAR(64)   NOT NULL,
    operating_since  DATE          NOT NULL,
    enefg_class      VARCHAR(16)   NOT NULL,
    note             VARCHAR(1000) NOT NULL
);
INSERT INTO energy_sites (site, name, time_zone, operating_since, enefg_class, note) VALUES
    ('muc-tucherpark', 'Industrial AI Cloud Munich (Tucherpark), DE', 'Europe/Berlin', DATE '2026-02-01', 'NEW',
     'The site opened in February 2026, before 1 July 2026, so in law the limits for existing data centres apply (EnEfG § 11: PUE <= 1.5 from 1 July 2027, <= 1.3 from 1 July 2030). The operator reports against the stricter limits for data centres operating from 1 July 2026 (PUE <= 1.2, ERF >= 10 %), as its customers expect. Set enefg_class to EXISTING to compare with the legal minimum instead.');

-- Facility indicators per period (ISO/IEC 30134; EU EED Delegated Regulation 2024/1364):
-- PUE = facility energy / IT energy; REF = renewable / facility energy; ERF = reused / facility energy;
-- WUE = site water (L) / IT energy (kWh). A month without a row falls back to the design value in energy_factors.
CREATE TABLE site_indicators (
    site             VARCHAR(64)    NOT NULL REFERENCES energy_sites (site),
    indicator        VARCHAR(8)     NOT NULL,
    valid_from       DATE           NOT NULL,
    valid_to         DATE           NOT NULL,
    indicator_value  NUMERIC(10,4)  NOT NULL,
    unit             VARCHAR(20)    NOT NULL,
    source           VARCHAR(500)   NOT NULL,
    PRIMARY KEY (site, indicator, valid_from),
    CHECK (indicator IN ('PUE', 'REF', 'ERF', 'WUE')),
    CHECK (valid_from < valid_to)
);
INSERT INTO site_indicators (site, indicator, valid_from, valid_to, indicator_value, unit, source) VALUES
    ('muc-tucherpark', 'PUE', DATE '2026-02-01', DATE '2026-03-01', 1.18, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-02-01', DATE '2026-03-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-02-01', DATE '2026-03-01', 0.14, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-02-01', DATE '2026-03-01', 0.20, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-03-01', DATE '2026-04-01', 1.19, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-03-01', DATE '2026-04-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-03-01', DATE '2026-04-01', 0.12, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-03-01', DATE '2026-04-01', 0.22, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-04-01', DATE '2026-05-01', 1.20, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-04-01', DATE '2026-05-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-04-01', DATE '2026-05-01', 0.11, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-04-01', DATE '2026-05-01', 0.25, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-05-01', DATE '2026-06-01', 1.21, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-05-01', DATE '2026-06-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-05-01', DATE '2026-06-01', 0.09, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-05-01', DATE '2026-06-01', 0.30, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-06-01', DATE '2026-07-01', 1.23, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-06-01', DATE '2026-07-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-06-01', DATE '2026-07-01', 0.08, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-06-01', DATE '2026-07-01', 0.35, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-07-01', DATE '2026-08-01', 1.25, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-07-01', DATE '2026-08-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-07-01', DATE '2026-08-01', 0.08, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-07-01', DATE '2026-08-01', 0.40, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-08-01', DATE '2026-09-01', 1.24, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-08-01', DATE '2026-09-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-08-01', DATE '2026-09-01', 0.08, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-08-01', DATE '2026-09-01', 0.38, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-09-01', DATE '2026-10-01', 1.22, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-09-01', DATE '2026-10-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-09-01', DATE '2026-10-01', 0.09, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-09-01', DATE '2026-10-01', 0.32, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-10-01', DATE '2026-11-01', 1.20, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-10-01', DATE '2026-11-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-10-01', DATE '2026-11-01', 0.11, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-10-01', DATE '2026-11-01', 0.27, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-11-01', DATE '2026-12-01', 1.19, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-11-01', DATE '2026-12-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-11-01', DATE '2026-12-01', 0.13, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-11-01', DATE '2026-12-01', 0.23, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2026-12-01', DATE '2027-01-01', 1.18, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2026-12-01', DATE '2027-01-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2026-12-01', DATE '2027-01-01', 0.14, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2026-12-01', DATE '2027-01-01', 0.21, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-01-01', DATE '2027-02-01', 1.17, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-01-01', DATE '2027-02-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-01-01', DATE '2027-02-01', 0.15, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-01-01', DATE '2027-02-01', 0.20, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-02-01', DATE '2027-03-01', 1.17, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-02-01', DATE '2027-03-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-02-01', DATE '2027-03-01', 0.15, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-02-01', DATE '2027-03-01', 0.20, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-03-01', DATE '2027-04-01', 1.18, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-03-01', DATE '2027-04-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-03-01', DATE '2027-04-01', 0.13, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-03-01', DATE '2027-04-01', 0.22, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-04-01', DATE '2027-05-01', 1.19, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-04-01', DATE '2027-05-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-04-01', DATE '2027-05-01', 0.12, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-04-01', DATE '2027-05-01', 0.25, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-05-01', DATE '2027-06-01', 1.20, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-05-01', DATE '2027-06-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-05-01', DATE '2027-06-01', 0.10, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-05-01', DATE '2027-06-01', 0.30, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-06-01', DATE '2027-07-01', 1.22, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-06-01', DATE '2027-07-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-06-01', DATE '2027-07-01', 0.09, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-06-01', DATE '2027-07-01', 0.35, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-07-01', DATE '2027-08-01', 1.24, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-07-01', DATE '2027-08-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-07-01', DATE '2027-08-01', 0.09, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-07-01', DATE '2027-08-01', 0.40, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-08-01', DATE '2027-09-01', 1.23, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-08-01', DATE '2027-09-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-08-01', DATE '2027-09-01', 0.09, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-08-01', DATE '2027-09-01', 0.38, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-09-01', DATE '2027-10-01', 1.21, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-09-01', DATE '2027-10-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-09-01', DATE '2027-10-01', 0.10, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-09-01', DATE '2027-10-01', 0.32, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-10-01', DATE '2027-11-01', 1.19, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-10-01', DATE '2027-11-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-10-01', DATE '2027-11-01', 0.12, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-10-01', DATE '2027-11-01', 0.27, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-11-01', DATE '2027-12-01', 1.18, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-11-01', DATE '2027-12-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-11-01', DATE '2027-12-01', 0.14, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-11-01', DATE '2027-12-01', 0.23, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure'),
    ('muc-tucherpark', 'PUE', DATE '2027-12-01', DATE '2028-01-01', 1.17, 'ratio', 'Illustrative monthly PUE (ISO/IEC 30134-2) of the Munich site, higher in summer when the Eisbach water is warmer; not a measured or published figure'),
    ('muc-tucherpark', 'REF', DATE '2027-12-01', DATE '2028-01-01', 1.00, 'fraction', 'Illustrative monthly REF (ISO/IEC 30134-3) of the Munich site, 100 % renewable electricity by PPA with guarantees of origin; not a measured or published figure'),
    ('muc-tucherpark', 'ERF', DATE '2027-12-01', DATE '2028-01-01', 0.15, 'fraction', 'Illustrative monthly ERF (ISO/IEC 30134-6) of the Munich site, waste heat to Munich district heating, higher in the heating season; not a measured or published figure'),
    ('muc-tucherpark', 'WUE', DATE '2027-12-01', DATE '2028-01-01', 0.21, 'L/kWh', 'Illustrative monthly WUE (ISO/IEC 30134-9) of the Munich site, river-water cooling with adiabatic assist in summer; not a measured or published figure');

-- Limits of the Energieeffizienzgesetz (EnEfG, in force 18 Nov 2023) for data centres, by site class:
-- NEW = operating from 1 July 2026, EXISTING = operating before, ALL = every data centre. The report compares the
-- period's value with the row in force at the period's end (or, before any is in force, the next one).
CREATE TABLE enefg_thresholds (
    indicator        VARCHAR(8)     NOT NULL,
    site_class       VARCHAR(16)    NOT NULL,
    applies_from     DATE           NOT NULL,
    comparator       VARCHAR(2)     NOT NULL,
    threshold_value  NUMERIC(10,4)  NOT NULL,
    unit             VARCHAR(20)    NOT NULL,
    legal_reference  VARCHAR(300)   NOT NULL,
    note             VARCHAR(500)   NOT NULL,
    PRIMARY KEY (indicator, site_class, applies_from),
    CHECK (comparator IN ('<=', '>=')),
    CHECK (site_class IN ('NEW', 'EXISTING', 'ALL'))
);
INSERT INTO enefg_thresholds (indicator, site_class, applies_from, comparator, threshold_value, unit, legal_reference, note) VALUES
    ('PUE', 'NEW', DATE '2026-07-01', '<=', 1.2, 'ratio', 'EnEfG § 11 (data centres operating from 1 July 2026)',
     'Annual average PUE, to be reached within two years of the start of operation'),
    ('PUE', 'EXISTING', DATE '2027-07-01', '<=', 1.5, 'ratio', 'EnEfG § 11 (data centres operating before 1 July 2026)',
     'Annual average PUE from 1 July 2027'),
    ('PUE', 'EXISTING', DATE '2030-07-01', '<=', 1.3, 'ratio', 'EnEfG § 11 (data centres operating before 1 July 2026)',
     'Annual average PUE from 1 July 2030'),
    ('ERF', 'NEW', DATE '2026-07-01', '>=', 0.10, 'fraction', 'EnEfG § 11 (data centres operating from 1 July 2026)',
     'Share of reused energy (ERF) of at least 10 %'),
    ('ERF', 'NEW', DATE '2027-07-01', '>=', 0.15, 'fraction', 'EnEfG § 11 (data centres operating from 1 July 2027)',
     'Share of reused energy (ERF) of at least 15 %'),
    ('ERF', 'NEW', DATE '2028-07-01', '>=', 0.20, 'fraction', 'EnEfG § 11 (data centres operating from 1 July 2028)',
     'Share of reused energy (ERF) of at least 20 %'),
    ('REF', 'ALL', DATE '2024-01-01', '>=', 0.50, 'fraction', 'EnEfG § 11 (all data centres)',
     'Electricity consumption covered on balance at least 50 % by electricity from renewable sources'),
    ('REF', 'ALL', DATE '2027-01-01', '>=', 1.00, 'fraction', 'EnEfG § 11 (all data centres)',
     'Electricity consumption covered on balance 100 % by electricity from renewable sources');

-- Market-based Scope 2 (GHG Protocol): energy covered by guarantees of origin or PPAs counts 0; the rest (grid
-- energy = facility energy x (1 - REF)) is weighted with the national residual mix.
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('grid_co2e_residual_de', 725, 'g CO2e/kWh', 2024,
     'AIB European Residual Mixes, residual mix Germany (illustrative value in the style of the published figure; replace with the current AIB release)');
-- Design values for months without a site_indicators row (PUE and REF fall back to pue_site and renewable_share_site).
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('erf_site', 0.10, 'fraction', 2026,
     'Illustrative design ERF of the Munich site (ISO/IEC 30134-6): waste heat to district heating, planned');
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('wue_site', 0.30, 'L/kWh', 2026,
     'Illustrative design WUE of the Munich site (ISO/IEC 30134-9): cooling with water from the Eisbach');

-- The energy report sums a tenant's samples over a time range; this index holds every column that query reads,
-- so the database answers it from the index alone. It starts with (tenant_id, ts), so it replaces V1's index on
-- exactly those columns: every sample insert would otherwise maintain both.
CREATE INDEX ix_power_samples_energy ON power_samples (tenant_id, ts, workload_id, total_energy_mj, power_usage_w);
DROP INDEX IF EXISTS ix_power_samples_tenant_ts;
