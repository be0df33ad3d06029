-- The responsible person's birth date and NIS on an e-CNPJ get their own columns (2.16.76.1.3.4);
-- birth_date and nis are the holder's only (e-CPF, 2.16.76.1.3.1). Rows of e-CNPJs stored before
-- this version kept the responsible person's in birth_date/nis: moved here.
-- cei_kind says whose CEI cei is: PERSON (2.16.76.1.3.6) or COMPANY (2.16.76.1.3.7); NULL for rows
-- stored before this version (not recorded then).
ALTER TABLE ticket_certificate ADD COLUMN responsible_birth_date DATE;
ALTER TABLE ticket_certificate ADD COLUMN responsible_nis VARCHAR(11);
ALTER TABLE ticket_certificate ADD COLUMN cei_kind VARCHAR(10);
UPDATE ticket_certificate SET responsible_birth_date = birth_date, responsible_nis = nis, birth_date = NULL, nis = NULL
    WHERE holder_kind = 'COMPANY';
