-- How a metric's SPC chart is read: limits fixed after the first N points, outlier screening,
-- and the dates from which the limits are recomputed (rebasing, e.g. after a change was made).
create table metric_spc_settings (
    metric_id        bigint  primary key references plan_item (id),
    fix_after_n      int     check (fix_after_n is null or fix_after_n >= 12),
    screen_outliers  boolean not null default true,
    version          bigint  not null default 0
);

create table metric_rebase (
    metric_id bigint not null references plan_item (id),
    period    date   not null,
    reason    varchar(300),
    primary key (metric_id, period)
);

create trigger metric_spc_settings_audit after insert or update or delete on metric_spc_settings
    for each row execute function audit_row();
create trigger metric_rebase_audit after insert or update or delete on metric_rebase
    for each row execute function audit_row();
