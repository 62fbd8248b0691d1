-- A metric value's period starts a month (its first day) or a week (a Monday) and is not before
-- 2000. The service checks the full rule (monthly or weekly, not in the future) with a clear
-- message; these checks keep anything else from storing nonsense. NOT VALID: rows stored before
-- this migration are left as they are (and still migrate); every new or changed row is checked.
alter table metric_value
    add constraint metric_value_period_from_2000 check (period >= date '2000-01-01') not valid,
    add constraint metric_value_period_starts_month_or_week
        check (extract(day from period) = 1 or extract(isodow from period) = 1) not valid;
