-- The audit trail out of the application's reach. The application's database role (${appRole})
-- owns the application's schema (see afterMigrate.sql), and the owner of a schema may drop what is
-- in it; so the trail moves to a schema of its own, owned, like the trail and its functions, by the
-- role that runs the migrations (the superuser on the embedded database). The application's role
-- may read the trail and nothing else: no UPDATE, DELETE or TRUNCATE privilege, not the owner (so no
-- ALTER TABLE ... DISABLE TRIGGER and no DROP), no superuser (so no session_replication_role).
-- New rows still come from the audit triggers on the application's tables: the trigger function
-- runs as its owner (security definer), with a search path that the application's role cannot
-- plant objects in. A new table gets its trigger with
--   create trigger <table>_audit after insert or update or delete on <table>
--       for each row execute function audit.audit_row();
create schema audit;
alter table audit_event set schema audit;
alter function audit_unit_of(jsonb, text) set schema audit;
alter function audit_row() set schema audit;
alter function audit_is_append_only() set schema audit;

create or replace function audit.audit_unit_of(j jsonb, tbl text) returns bigint
    language plpgsql stable set search_path = pg_catalog, pg_temp as $$
begin
    if j is null then
        return null;
    end if;
    if tbl = 'org_unit' then
        return (j ->> 'id')::bigint;
    end if;
    if j ? 'unit_id' then
        return (j ->> 'unit_id')::bigint;
    end if;
    if j ? 'child_unit_id' then
        return (j ->> 'child_unit_id')::bigint;
    end if;
    if j ? 'metric_id' then
        return (select unit_id from public.plan_item where id = (j ->> 'metric_id')::bigint);
    end if;
    if j ? 'link_id' then
        return (select child_unit_id from public.cascade_link where id = (j ->> 'link_id')::bigint);
    end if;
    if j ? 'item_a_id' then
        return (select unit_id from public.plan_item where id = (j ->> 'item_a_id')::bigint);
    end if;
    return null;
end $$;

-- Same function (the triggers keep pointing at it), now run as its owner.
create or replace function audit.audit_row() returns trigger
    language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' - 'token_hash' end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' - 'token_hash' end;
begin
    insert into audit.audit_event (actor, table_name, row_id, operation, unit_id, before, after)
    values (coalesce(nullif(current_setting('catchball.user', true), ''), 'system'), tg_table_name,
            coalesce(new_row ->> 'id', old_row ->> 'id')::bigint, tg_op,
            coalesce(audit.audit_unit_of(new_row, tg_table_name), audit.audit_unit_of(old_row, tg_table_name)),
            old_row, new_row);
    return null;
end $$;

alter function audit.audit_is_append_only() set search_path = pg_catalog, pg_temp;

revoke all on schema audit from public;
revoke all on audit.audit_event from public;

do $$
begin
    if nullif('${appRole}', '') is not null and '${appRole}' <> current_user
            and exists (select from pg_roles where rolname = '${appRole}') then
        execute format('grant usage on schema audit to %I', '${appRole}');
        execute format('grant select on audit.audit_event to %I', '${appRole}');
        -- Taken back in case the trail was the application role's before (the trail's owner keeps them).
        execute format('revoke insert, update, delete, truncate, references, trigger on audit.audit_event from %I', '${appRole}');
    end if;
end $$;
