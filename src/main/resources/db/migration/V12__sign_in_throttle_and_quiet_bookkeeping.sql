-- Sign-in counters are bookkeeping, not changes anyone made: they leave app_user (whose every
-- update is an audit event) for a table of their own, which has no audit trigger. One row per
-- account (source ''), per source address (username ''), and per account from a source.
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;

create table sign_in_throttle (
    username        varchar(200) not null,
    source          varchar(100) not null,
    failures        int          not null,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz,
    primary key (username, source)
);
create index sign_in_throttle_last_failure_idx on sign_in_throttle (last_failure_at);

-- Raised when access changes (an Admin's password reset, deactivation, the user's own new
-- password): a session signed in under an older value ends at its next request.
alter table app_user add column session_version bigint not null default 0;

-- Token bookkeeping: an update that changes only last_used_at is not an audit event.
drop trigger api_token_audit on api_token;
create trigger api_token_audit after insert or delete on api_token
    for each row execute function audit.audit_row();
create trigger api_token_audit_update after update on api_token
    for each row when ((to_jsonb(old) - 'last_used_at') is distinct from (to_jsonb(new) - 'last_used_at'))
    execute function audit.audit_row();
