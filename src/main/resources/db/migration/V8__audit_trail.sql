-- The audit trail: every insert, update and delete of the application's tables is recorded by a
-- trigger in the same transaction — who (the signed-in user the application names for the
-- connection), when, what, before and after. Rows can be added, never changed or removed.
create table audit_event (
    id         bigint generated always as identity primary key,
    at         timestamptz  not null default clock_timestamp(),
    actor      varchar(200) not null,
    table_name varchar(63)  not null,
    row_id     bigint,
    operation  varchar(10)  not null,
    unit_id    bigint,
    before     jsonb,
    after      jsonb
);
create index audit_event_row_idx on audit_event (table_name, row_id);
create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor);
create index audit_event_unit_idx on audit_event (unit_id);

create function audit_unit_of(j jsonb, tbl text) returns bigint language plpgsql stable as $$
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
        return (select unit_id from plan_item where id = (j ->> 'metric_id')::bigint);
    end if;
    if j ? 'link_id' then
        return (select child_unit_id from cascade_link where id = (j ->> 'link_id')::bigint);
    end if;
    if j ? 'item_a_id' then
        return (select unit_id from plan_item where id = (j ->> 'item_a_id')::bigint);
    end if;
    return null;
end $$;

create function audit_row() returns trigger language plpgsql as $$
declare
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' - 'token_hash' end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' - 'token_hash' end;
begin
    insert into audit_event (actor, table_name, row_id, operation, unit_id, before, after)
    values (coalesce(nullif(current_setting('catchball.user', true), ''), 'system'), tg_table_name,
            coalesce(new_row ->> 'id', old_row ->> 'id')::bigint, tg_op,
            coalesce(audit_unit_of(new_row, tg_table_name), audit_unit_of(old_row, tg_table_name)),
            old_row, new_row);
    return null;
end $$;

create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'The audit trail is append-only: % is not allowed', tg_op;
end $$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_is_append_only();

do $$
declare
    t text;
begin
    for t in select tablename from pg_tables
             where schemaname = current_schema()
               and tablename not in ('audit_event', 'flyway_schema_history', 'unit_level')
    loop
        execute format('create trigger %I after insert or update or delete on %I for each row execute function audit_row()',
                       t || '_audit', t);
    end loop;
end $$;
