#!/bin/sh
# Runs once, as the PostgreSQL superuser, when the data directory is first initialised (the postgres image runs
# /docker-entrypoint-initdb.d/*.sh then): creates the owner role (owns the schema, runs Flyway) and the app role
# (the server's connection; migration V19 grants it row access only), and Keycloak's role with a database of its
# own, which Temper's roles cannot reach. The superuser is used for nothing else.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner="$TEMPER_DB_OWNER_USER" -v owner_password="$TEMPER_DB_OWNER_PASSWORD" \
    -v app="$TEMPER_DB_APP_USER" -v app_password="$TEMPER_DB_APP_PASSWORD" -v db="$POSTGRES_DB" \
    -v keycloak="$TEMPER_KEYCLOAK_DB_USER" -v keycloak_password="$TEMPER_KEYCLOAK_DB_PASSWORD" <<'SQL'
create role :"owner" login nosuperuser nocreatedb nocreaterole password :'owner_password';
create role :"app" login nosuperuser nocreatedb nocreaterole password :'app_password';
alter database :"db" owner to :"owner";
alter schema public owner to :"owner";
revoke create on schema public from public;
revoke all on database :"db" from public;
grant connect on database :"db" to :"app";
create role :"keycloak" login nosuperuser nocreatedb nocreaterole password :'keycloak_password';
create database keycloak owner :"keycloak";
revoke all on database keycloak from public;
SQL
