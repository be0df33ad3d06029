-- PostgreSQL only (SchemaMigration adds this location on PostgreSQL): the audit trail is
-- append-only in the database as well as in the application. Any UPDATE, DELETE or TRUNCATE of
-- audit_entry fails, whoever sends it through the application's connection. (H2 triggers are Java
-- classes on the server's classpath, so the embedded demo database relies on the entity's guard.)
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a trilha de auditoria não pode ser alterada nem apagada (%)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
