-- Issue 16, part 3: carbon per unit of work after ISO/IEC 21031:2024 (Software Carbon Intensity, SCI = (E x I + M)
-- per R). Each application declares its functional unit R and how a run's units are counted: RUN = one unit per
-- succeeded run; RATE = the app's declared throughput (units per GPU-hour) x the run's GPU-hours, for succeeded runs.
-- Portable SQL (H2 2.x and PostgreSQL 12+).
CREATE TABLE app_functional_units (
    app_id              VARCHAR(100)   PRIMARY KEY,
    unit_key            VARCHAR(40)    NOT NULL,
    label_en            VARCHAR(100)   NOT NULL,
    label_de            VARCHAR(100)   NOT NULL,
    counting            VARCHAR(8)     NOT NULL,
    units_per_gpu_hour  NUMERIC(14,3),
    note                VARCHAR(500)   NOT NULL,
    CHECK (counting IN ('RUN', 'RATE')),
    CHECK (counting = 'RUN' OR units_per_gpu_hour > 0)
);
INSERT INTO app_functional_units (app_id, unit_key, label_en, label_de, counting, units_per_gpu_hour, note) VALUES
    ('visual-quality-inspection', 'part', 'inspected part', 'geprüftes Teil', 'RATE', 36000, 'Declared throughput on one GPU (illustrative): 36,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('weld-seam-inspection', 'part', 'inspected part', 'geprüftes Teil', 'RATE', 18000, 'Declared throughput on one GPU (illustrative): 18,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('surface-defect-segmentation', 'part', 'inspected part', 'geprüftes Teil', 'RATE', 12000, 'Declared throughput on one GPU (illustrative): 12,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('ct-porosity-analysis', 'part', 'inspected part', 'geprüftes Teil', 'RATE', 40, 'Declared throughput on one GPU (illustrative): 40 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('pcb-optical-inspection', 'part', 'inspected part', 'geprüftes Teil', 'RATE', 30000, 'Declared throughput on one GPU (illustrative): 30,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('inspection-model-training', 'training_run', 'training run', 'Trainingslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('vibration-anomaly-detection', 'asset_analysis', 'machine analysed', 'analysierte Maschine', 'RATE', 400, 'Declared throughput on one GPU (illustrative): 400 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('spindle-rul-prediction', 'asset_analysis', 'machine analysed', 'analysierte Maschine', 'RATE', 250, 'Declared throughput on one GPU (illustrative): 250 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('asset-health-scoring', 'asset_analysis', 'machine analysed', 'analysierte Maschine', 'RATE', 1200, 'Declared throughput on one GPU (illustrative): 1,200 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('tool-wear-monitoring', 'asset_analysis', 'machine analysed', 'analysierte Maschine', 'RATE', 300, 'Declared throughput on one GPU (illustrative): 300 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('acoustic-gearbox-monitoring', 'asset_analysis', 'machine analysed', 'analysierte Maschine', 'RATE', 200, 'Declared throughput on one GPU (illustrative): 200 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('spare-parts-demand-forecast', 'forecast_run', 'forecast run', 'Prognoselauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('hierarchical-demand-forecast', 'forecast_run', 'forecast run', 'Prognoselauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('call-off-forecast', 'forecast_run', 'forecast run', 'Prognoselauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('raw-material-price-forecast', 'forecast_run', 'forecast run', 'Prognoselauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('delivery-date-prediction', 'forecast_run', 'forecast run', 'Prognoselauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('supplier-invoice-extraction', 'document', 'document processed', 'verarbeitetes Dokument', 'RATE', 2400, 'Declared throughput on one GPU (illustrative): 2,400 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('technical-drawing-reader', 'document', 'document processed', 'verarbeitetes Dokument', 'RATE', 600, 'Declared throughput on one GPU (illustrative): 600 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('material-certificate-extraction', 'document', 'document processed', 'verarbeitetes Dokument', 'RATE', 1500, 'Declared throughput on one GPU (illustrative): 1,500 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('delivery-note-matching', 'document', 'document processed', 'verarbeitetes Dokument', 'RATE', 3000, 'Declared throughput on one GPU (illustrative): 3,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('ppap-document-check', 'document', 'document processed', 'verarbeitetes Dokument', 'RATE', 300, 'Declared throughput on one GPU (illustrative): 300 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('sovereign-shopfloor-assistant', 'tokens_1000', '1,000 tokens', '1.000 Tokens', 'RATE', 9000, 'Declared throughput on one GPU (illustrative): 9,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('maintenance-manual-qa', 'tokens_1000', '1,000 tokens', '1.000 Tokens', 'RATE', 3000, 'Declared throughput on one GPU (illustrative): 3,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('eight-d-report-assistant', 'tokens_1000', '1,000 tokens', '1.000 Tokens', 'RATE', 4000, 'Declared throughput on one GPU (illustrative): 4,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('llm-domain-fine-tuning', 'training_run', 'training run', 'Trainingslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('plc-code-assistant', 'tokens_1000', '1,000 tokens', '1.000 Tokens', 'RATE', 6000, 'Declared throughput on one GPU (illustrative): 6,000 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('rfq-quotation-assistant', 'tokens_1000', '1,000 tokens', '1.000 Tokens', 'RATE', 3500, 'Declared throughput on one GPU (illustrative): 3,500 units per GPU-hour; a succeeded run counts throughput x GPU-hours'),
    ('crash-surrogate', 'simulation_run', 'simulation run', 'Simulationslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('cfd-flow-surrogate', 'simulation_run', 'simulation run', 'Simulationslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('thermal-electronics-surrogate', 'simulation_run', 'simulation run', 'Simulationslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('fea-stress-surrogate', 'simulation_run', 'simulation run', 'Simulationslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('injection-moulding-fill-prediction', 'simulation_run', 'simulation run', 'Simulationslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('cutting-parameter-optimisation', 'optimisation_run', 'optimisation run', 'Optimierungslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('production-scheduling-optimiser', 'optimisation_run', 'optimisation run', 'Optimierungslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('paint-shop-yield-optimisation', 'optimisation_run', 'optimisation run', 'Optimierungslauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('plant-energy-load-forecast', 'analysis_run', 'analysis run', 'Analyselauf', 'RUN', NULL, 'One unit per succeeded run'),
    ('compressed-air-leak-detection', 'analysis_run', 'analysis run', 'Analyselauf', 'RUN', NULL, 'One unit per succeeded run');

-- Embodied emissions M of the GPU servers, amortised per allocated GPU-hour, by GPU class (key suffix = gpu_class).
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('embodied_gpu_hour_b200', 69, 'g CO2e/GPU-h', 2026,
     'Illustrative: about 26 t CO2e embodied per DGX B200 system (order of magnitude of published product carbon footprints of 8-GPU AI servers; NVIDIA publishes none for DGX B200), 6-year life, 8 GPUs, 90 % of hours allocated: 26,000,000 g / (6 x 8,760 h x 8 x 0.9) = 69 g per GPU-hour');
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('embodied_gpu_hour_rtx-pro-6000', 32, 'g CO2e/GPU-h', 2026,
     'Illustrative: about 12 t CO2e embodied per 8-GPU RTX PRO server, 6-year life, 8 GPUs, 90 % of hours allocated: 12,000,000 g / (6 x 8,760 h x 8 x 0.9) = 32 g per GPU-hour');
