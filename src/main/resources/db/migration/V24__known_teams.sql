-- Teams come from Keycloak groups; Temper learns one when a member of it signs in. An admin may set limits only
-- for a team Temper knows, so a typo cannot create a quota for a team that does not exist.
create table known_team (
    name          varchar(255) primary key,
    first_seen_at timestamptz  not null default now()
);

insert into known_team (name) select distinct team from training_job on conflict do nothing;
insert into known_team (name) select distinct team from dataset on conflict do nothing;
insert into known_team (name) select team from team_quota on conflict do nothing;
