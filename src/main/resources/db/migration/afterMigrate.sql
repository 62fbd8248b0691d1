-- After every migration run (a Flyway callback): the application's database role (${appRole}) owns
-- the application's schema and everything in it, new tables included, so that it needs no
-- superuser. The audit schema stays with the role that runs the migrations (V11). Nothing to do
-- when the migrations run as the application's role itself.
do $$
declare
    app text := nullif('${appRole}', '');
    app_oid oid;
    r record;
begin
    select oid into app_oid from pg_roles where rolname = app;
    if app is null or app = current_user or app_oid is null then
        return;
    end if;
    if (select nspowner from pg_namespace where nspname = 'public') <> app_oid then
        execute format('alter schema public owner to %I', app);
    end if;
    for r in select c.oid::regclass as name, c.relkind
             from pg_class c
             where c.relnamespace = 'public'::regnamespace
               and c.relkind in ('r', 'p', 'v', 'm', 'S')
               and c.relowner <> app_oid
               -- sequences of identity and serial columns go with their table
               and not (c.relkind = 'S' and exists (select from pg_depend d
                                                    where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                                      and d.deptype in ('a', 'i')))
    loop
        execute format('alter %s %s owner to %I',
                       case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                      when 'm' then 'materialized view' else 'table' end,
                       r.name, app);
    end loop;
    for r in select p.oid::regprocedure as name from pg_proc p
             where p.pronamespace = 'public'::regnamespace and p.proowner <> app_oid
    loop
        execute format('alter routine %s owner to %I', r.name, app);
    end loop;
end $$;
