-- Scheduled jobs (reminders, clean-ups) run once across all application nodes: a node takes the
-- job's row here before running it (ShedLock, base/jobs/JobLocks). Bookkeeping, not a change anyone
-- made: no audit trigger.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
