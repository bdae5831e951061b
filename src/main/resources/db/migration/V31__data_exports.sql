-- V31: personal data exports. A reader asks for one (one at a time, one a day); a durable job
-- writes a zip of everything they gave the platform to the object storage; a signed link to it
-- works for 7 days, after which the file is deleted and the row says so.
create table data_exports
(
    id           uuid        not null default gen_random_uuid(),
    user_id      uuid        not null,
    status       text        not null default 'pending',
    requested_at timestamptz not null,
    ready_at     timestamptz,
    expires_at   timestamptz,
    object_key   text,
    size_bytes   bigint,
    constraint pk_data_exports primary key (id),
    constraint fk_data_exports_user foreign key (user_id) references user_profiles (id),
    constraint ck_data_exports_status check (status in ('pending', 'ready', 'expired')),
    constraint ck_data_exports_ready check (status <> 'ready' or (object_key is not null and expires_at is not null))
);

-- one export in preparation per user at a time
create unique index uq_data_exports_pending on data_exports (user_id) where status = 'pending';
-- a user's exports, newest first (the one-a-day rule)
create index ix_data_exports_user on data_exports (user_id, requested_at desc);
-- the expiry job
create index ix_data_exports_expiry on data_exports (expires_at) where status = 'ready';

-- the in-app notice that an export is ready names it
alter table notifications
    add column export_id uuid,
    add constraint fk_notifications_export foreign key (export_id) references data_exports (id) on delete cascade,
    drop constraint ck_notifications_type,
    add constraint ck_notifications_type check (type in ('REPLY', 'FOLLOW', 'NEW_CHAPTER', 'DATA_EXPORT_READY'));
