-- Values of the fields a SOP asks for beyond the customer intake (e.g. the CEI that should be on the
-- certificate, the issuance date that decides the warranty).
CREATE TABLE ticket_field (
    ticket_id BIGINT       NOT NULL REFERENCES ticket (id),
    name      VARCHAR(40)  NOT NULL,
    field_value VARCHAR(500),
    PRIMARY KEY (ticket_id, name)
);
