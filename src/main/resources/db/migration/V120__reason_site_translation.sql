-- The site as the running reason names it ("running on 8 x NVIDIA B200 in Munich (Tucherpark), DE"): workloads send it
-- in the caller's language like the reports' site names.
INSERT INTO text_translations (language, english, translated) VALUES
    ('de', 'Munich (Tucherpark), DE', 'München (Tucherpark), DE');
