-- Issue 12, points 3-5: how a metric's bowling chart is read.
-- The rule per metric (plan item): how months and the year to date aggregate its values
-- (SUM for counts, MEAN, LATEST for snapshots, RATIO of a numerator and a denominator metric
-- of the same unit, as a percentage), and the amber band: a miss within the tolerance (absolute,
-- or a percentage of the target) is amber, not red. No row: MEAN and no amber band.
-- Changed by Leads: audited like the rest of the plan.
create table metric_bowling_rule (
    metric_id         bigint         primary key references plan_item (id),
    aggregation       varchar(10)    not null default 'MEAN'
                                     check (aggregation in ('SUM', 'MEAN', 'LATEST', 'RATIO')),
    tolerance         numeric(18, 4) check (tolerance is null or tolerance >= 0),
    tolerance_percent boolean        not null default false,
    numerator_id      bigint         references plan_item (id),
    denominator_id    bigint         references plan_item (id),
    version           bigint         not null default 0,
    constraint metric_bowling_rule_ratio_parts check (
        (aggregation = 'RATIO') = (numerator_id is not null and denominator_id is not null)),
    constraint metric_bowling_rule_distinct_parts check (
        numerator_id is null or (numerator_id <> denominator_id and numerator_id <> metric_id
                                 and denominator_id <> metric_id))
);
create trigger metric_bowling_rule_audit after insert or update or delete on metric_bowling_rule
    for each row execute function audit.audit_row();

-- Counts add up: their year to date is a total, not a mean (it was always a mean before).
insert into metric_bowling_rule (metric_id, aggregation)
select id, 'SUM' from plan_item where kind = 'METRIC' and lower(trim(unit_of_measure)) in ('count', 'number');

-- A trajectory value plans a month of the cycle: its period is the first day of that month.
-- NOT VALID: rows stored before (none were ever written by the application) are left as they are.
alter table metric_trajectory
    add constraint metric_trajectory_period_starts_month check (extract(day from period) = 1) not valid;
