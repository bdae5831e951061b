-- Idempotency-Key (IETF httpapi draft): the first response to a creating POST, per user and
-- key, replayed to retries for 24 hours. A row is IN_PROGRESS while the first request runs
-- (a concurrent duplicate then gets 409) and COMPLETED with the response once it answered.
create table idempotency_keys
(
    user_subject     text        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    status           text        not null check (status in ('IN_PROGRESS', 'COMPLETED')),
    response_status  int,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    primary key (user_subject, idempotency_key)
);
create index idempotency_keys_by_expiry on idempotency_keys (expires_at);

-- Event publications whose listener failed on every attempt: parked until ops resubmit them.
-- One row per publication of the event publication registry (event_publication.id).
create table parked_event_publications
(
    publication_id uuid        primary key,
    parked_at      timestamptz not null
);
