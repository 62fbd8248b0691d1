-- When a metric asks its owner for a countermeasure (issue 12, point 7). By default the Making Data
-- Count way: special-cause concern, or assurance "consistently fails the target". A trust's Admin may
-- also switch on "Red N periods running" (off by default). No row: the default. Changed by an Admin:
-- audited.
create table countermeasure_rule_setting (
    trust_unit_id   bigint  primary key references org_unit (id),
    red_run_on      boolean not null default false,
    red_run_periods int     not null default 2 check (red_run_periods between 2 and 12),
    version         bigint  not null default 0
);
create trigger countermeasure_rule_setting_audit after insert or update or delete on countermeasure_rule_setting
    for each row execute function audit.audit_row();
