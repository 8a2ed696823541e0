-- The server connects as the app role (${appRole}), which owns nothing: it may read and write rows, draw from
-- sequences, and only read and append the audit trail. It cannot alter, drop or truncate tables nor disable their
-- triggers, which only the owner (the role that runs Flyway) may do. Default privileges extend the same row access
-- to every table and sequence later migrations create (they run as the owner, too).
-- With one role for both (only TEMPER_DB_USER given) there is nothing to grant, and revoking would take the
-- owner's own rights, Flyway's history included: skipped.
do $$
declare
    app text := '${appRole}';
begin
    if app = current_user then
        raise notice 'the app connects as the schema owner %: no separate app role to grant to', app;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I',
            app);
    execute format('alter default privileges in schema public grant usage on sequences to %I', app);
    execute format('revoke all on flyway_schema_history from %I', app);
    execute format('revoke update, delete, truncate on audit_entry, audit_anchor from %I', app);
end $$;
