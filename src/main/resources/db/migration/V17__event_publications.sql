-- Work that must happen after a commit (mail) is recorded here in the same transaction as the change
-- (Spring Modulith's event publication registry, JDBC) and marked completed once done; what is not
-- completed is handed out again after a restart or by the clean-up job (base/jobs/EventPublicationJobs).
-- Bookkeeping, not a change anyone made: no audit trigger.
-- The schema is Spring Modulith 2.0's for PostgreSQL (spring-modulith-events-jdbc,
-- schemas/v2/schema-postgresql.sql); Flyway owns it, Modulith's own schema initialisation stays off.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
