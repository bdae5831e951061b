-- V1: extensions, helper functions and infrastructure tables used by frameworks
-- (Spring Modulith event publication registry, ShedLock, webhook replay protection).

-- Trigram similarity for suggestions and fuzzy search (GIN gin_trgm_ops indexes).
create extension if not exists pg_trgm with schema public;

-- Accent folding for search ("Amélie" finds "amelie").
create extension if not exists unaccent with schema public;

-- unaccent() is only STABLE (it depends on the search_path to find its dictionary), so it cannot
-- be used in an index expression. This wrapper pins both the function and the dictionary to
-- schema-qualified names, which makes declaring it IMMUTABLE safe. Queries must use the same
-- expression as the indexes, e.g. lower(muejam_unaccent(title)).
create or replace function muejam_unaccent(text)
    returns text
    language sql
    immutable
    parallel safe
    strict
as
$$
select public.unaccent('public.unaccent'::regdictionary, $1)
$$;

-- Spring Modulith 2.1.1 JDBC event publication registry.
-- Copied verbatim from spring-modulith-events-jdbc-2.1.1.jar:
-- org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql
-- (v2 is the default structure; v1 is only used with spring.modulith.events.jdbc.use-legacy-structure=true).
-- Holds one row per (event, listener) publication until it is completed.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Copied verbatim from spring-modulith-events-jdbc-2.1.1.jar:
-- org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql-archive.sql
-- Holds completed publications when spring.modulith.events.completion-mode=archive.
CREATE TABLE IF NOT EXISTS event_publication_archive
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_archive_serialized_event_hash_idx ON event_publication_archive USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_archive_by_completion_date_idx ON event_publication_archive (completion_date);

-- ShedLock (JDBC provider): one row per scheduled job name, so a job runs on one instance at a time.
create table shedlock
(
    name       varchar(64)  not null,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null,
    constraint pk_shedlock primary key (name)
);

-- Webhook deliveries already processed (id = the svix-id header), for replay protection.
create table webhook_deliveries
(
    id          text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    constraint pk_webhook_deliveries primary key (id)
);

-- Lets a cleanup job prune old delivery ids cheaply.
create index ix_webhook_deliveries_received_at on webhook_deliveries (received_at);
