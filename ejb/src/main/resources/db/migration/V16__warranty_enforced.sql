-- Issue 18: seed 003's warranty computed and enforced. Each ticket keeps the warranty decision it was
-- filed with (case, days, issuance date and its source, within or not) and, when the agent filed it
-- against the dates, the warranty exception with its reason, for the supervisor's review.
ALTER TABLE ticket ADD COLUMN warranty_case VARCHAR(24);
ALTER TABLE ticket ADD COLUMN warranty_days INTEGER;
ALTER TABLE ticket ADD COLUMN warranty_issued_on DATE;
ALTER TABLE ticket ADD COLUMN warranty_issued_from VARCHAR(24);
ALTER TABLE ticket ADD COLUMN warranty_days_since INTEGER;
ALTER TABLE ticket ADD COLUMN warranty_within BOOLEAN;
ALTER TABLE ticket ADD COLUMN warranty_exception BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN warranty_exception_reason VARCHAR(1000);
CREATE INDEX ix_ticket_warranty_exception ON ticket (warranty_exception, created_at);

-- The revocation letter (seed 003's "modelo abaixo", absent from the seed) and where to send it: one
-- row administrators edit, shipped as a neutral draft the desk must validate, with no address yet.
CREATE TABLE revocation_letter (
    id INTEGER NOT NULL PRIMARY KEY,
    template VARCHAR(4000) NOT NULL,
    address VARCHAR(1000),
    draft BOOLEAN DEFAULT TRUE NOT NULL,
    updated_by VARCHAR(80) NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO revocation_letter (id, template, address, draft, updated_by, updated_at) VALUES (1,
'RASCUNHO - modelo a validar pela mesa antes do uso.

SOLICITAÇÃO DE REVOGAÇÃO DE CERTIFICADO DIGITAL

Eu, {cliente}, CPF/CNPJ {documento}, solicito a revogação do certificado digital abaixo, por não dispor da senha de revogação.

Titular: {titular} ({cpfCnpj})
Tipo: {tipo}
Número de série: {serie}
Emitido por: {emissor}
Validade: de {emissao} a {validade}

Motivo: ____________________

Local e data: ____________________, {data}

____________________
Assinatura com firma reconhecida em cartório',
NULL, TRUE, 'sistema', CURRENT_TIMESTAMP);
