-- Audit entries get a gap-free sequence number, and the hash covers the entry's id and sequence, so that
-- removing or reordering entries breaks the chain. The new canonical form (AuditChain.canonical) is:
--   seq|id|prev_hash|occurred_at in epoch microseconds|actor|team|action|object_type|object_id|outcome|details
-- where a null is \N and, in a value, a backslash is \\ and a bar is \|.
alter table audit_entry add column seq bigint;

create function audit_chain_field(v text) returns text as $$
    select case when v is null then '\N' else replace(replace(v, '\', '\\'), '|', '\|') end
$$ language sql immutable;

-- Re-hashing existing entries in id order is the one change the append-only trigger must let through; the
-- migration runs as the table's owner, in one transaction, so the trigger is off for no one else.
alter table audit_entry disable trigger audit_entry_no_update;

do $$
declare
    entry record;
    previous char(64) := repeat('0', 64);
    next_seq bigint := 0;
    entry_hash char(64);
begin
    for entry in select * from audit_entry order by id loop
        next_seq := next_seq + 1;
        entry_hash := encode(sha256(convert_to(concat_ws('|',
                next_seq::text, entry.id::text, previous,
                ((extract(epoch from entry.occurred_at) * 1000000)::bigint)::text,
                audit_chain_field(entry.actor), audit_chain_field(entry.team), audit_chain_field(entry.action),
                audit_chain_field(entry.object_type), audit_chain_field(entry.object_id),
                audit_chain_field(entry.outcome), audit_chain_field(entry.details)), 'UTF8')), 'hex');
        update audit_entry set seq = next_seq, prev_hash = previous, hash = entry_hash where id = entry.id;
        previous := entry_hash;
    end loop;
end $$;

alter table audit_entry enable trigger audit_entry_no_update;
drop function audit_chain_field(text);

alter table audit_entry alter column seq set not null;
alter table audit_entry add constraint audit_entry_seq_unique unique (seq);

-- The filters of the audit list: admins read every team's entries, newest first.
create index audit_entry_occurred on audit_entry (occurred_at, id);
create index audit_entry_actor_occurred on audit_entry (actor, occurred_at);
create index audit_entry_object on audit_entry (object_type, object_id);

-- Anchors: the chain's head, written to the artifact store (the witness outside the database) and indexed
-- here so that admins can list them and verification can find the latest. Append-only as the trail is.
create table audit_anchor (
    id           bigserial primary key,
    anchored_at  timestamptz  not null,
    anchored_by  varchar(64)  not null,
    last_seq     bigint       not null,
    last_hash    char(64)     not null,
    entry_count  bigint       not null,
    artifact_key varchar(255) not null unique
);

create function audit_anchor_is_append_only() returns trigger as $$
begin
    raise exception 'audit_anchor is append-only';
end;
$$ language plpgsql;

create trigger audit_anchor_no_update before update or delete on audit_anchor
    for each row execute function audit_anchor_is_append_only();
create trigger audit_anchor_no_truncate before truncate on audit_anchor
    for each statement execute function audit_anchor_is_append_only();
