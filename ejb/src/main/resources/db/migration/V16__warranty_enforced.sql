-- Issue 18: seed 003's warranty computed and enforced. A ticket of a SOP that meets the warranty
-- keeps the decision it was filed with (case, days, issuance date and its source, within or not) and,
-- when the agent filed it against the dates, the warranty exception with its reason, for review.
CREATE TABLE ticket_warranty (
    ticket_id BIGINT NOT NULL PRIMARY KEY,
    warranty_case VARCHAR(24) NOT NULL,
    warranty_days INTEGER NOT NULL,
    issued_on DATE,
    issued_from VARCHAR(24),
    days_since INTEGER,
    within_warranty BOOLEAN,
    exception_filed BOOLEAN DEFAULT FALSE NOT NULL,
    exception_reason VARCHAR(1000),
    CONSTRAINT fk_ticket_warranty_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
CREATE INDEX ix_ticket_warranty_exception ON ticket_warranty (exception_filed);

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
