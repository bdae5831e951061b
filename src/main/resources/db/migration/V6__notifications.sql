-- V6: in-app notifications, the email outbox and one-time tickets for the notification stream.

-- In-app notifications (someone replied to you, someone followed you).
create table notifications
(
    id         uuid        not null default gen_random_uuid(),
    user_id    uuid        not null,
    type       text        not null,
    actor_id   uuid        not null,
    whisper_id uuid,
    -- Optional idempotency key, e.g. one FOLLOW notification per follower per day.
    dedupe_key text,
    read_at    timestamptz,
    created_at timestamptz not null default now(),
    constraint pk_notifications primary key (id),
    constraint fk_notifications_user foreign key (user_id) references user_profiles (id),
    constraint fk_notifications_actor foreign key (actor_id) references user_profiles (id),
    constraint uq_notifications_dedupe_key unique (dedupe_key),
    constraint ck_notifications_type check (type in ('REPLY', 'FOLLOW'))
);

-- A user's notifications, newest first.
create index ix_notifications_user_created on notifications (user_id, created_at desc, id desc);
-- Unread count and read-all.
create index ix_notifications_user_unread on notifications (user_id) where read_at is null;

-- Durable email outbox: one row per message, delivered and retried by a worker.
create table email_outbox
(
    id                  uuid        not null default gen_random_uuid(),
    idempotency_key     text        not null,
    notification_id     uuid,
    recipient           text        not null,
    subject             text        not null,
    html_body           text        not null,
    text_body           text        not null,
    status              text        not null default 'PENDING',
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null default now(),
    last_error          text,
    sent_at             timestamptz,
    provider_message_id text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint pk_email_outbox primary key (id),
    constraint uq_email_outbox_idempotency_key unique (idempotency_key),
    constraint ck_email_outbox_status check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    constraint ck_email_outbox_attempts check (attempts >= 0)
);

-- Messages due for (re)delivery.
create index ix_email_outbox_due on email_outbox (next_attempt_at) where status = 'PENDING';

-- Short-lived one-time tickets that authenticate the Server-Sent Events stream (only the hash is stored).
create table stream_tickets
(
    ticket_hash text        not null,
    user_id     uuid        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now(),
    constraint pk_stream_tickets primary key (ticket_hash),
    constraint fk_stream_tickets_user foreign key (user_id) references user_profiles (id)
);

-- Pruning expired tickets.
create index ix_stream_tickets_expires on stream_tickets (expires_at);
