-- The facts SOP Desk read from the customer's certificate, kept with the ticket they were used for.
-- Only public facts: the file, the private key and the PFX password are never stored.
CREATE TABLE ticket_certificate (
    ticket_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES ticket (id),
    source_format    VARCHAR(10)  NOT NULL,
    holder_kind      VARCHAR(10)  NOT NULL,
    holder_name      VARCHAR(200),
    cpf              VARCHAR(11),
    cnpj             VARCHAR(14),
    cei              VARCHAR(20),
    nis              VARCHAR(11),
    birth_date       DATE,
    responsible_name VARCHAR(200),
    responsible_cpf  VARCHAR(11),
    email            VARCHAR(200),
    certificate_type VARCHAR(10)  NOT NULL,
    policy_oid       VARCHAR(100),
    issuer           VARCHAR(200),
    serial           VARCHAR(100),
    not_before       TIMESTAMP    NOT NULL,
    not_after        TIMESTAMP    NOT NULL,
    read_at          TIMESTAMP    NOT NULL
);
