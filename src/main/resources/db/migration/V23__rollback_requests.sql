-- A request for a version that was approved before, made while another version is in production, rolls
-- production back. It records the version it rolls back from (production when it was asked), so the request still
-- reads "rollback from v3 to v2" after production has moved on; null for every other request.
alter table approval_request add column rollback_from_version_id bigint references model_version (id);
