-- V2: user profiles (synced from Clerk), their notification settings and issued upload keys.

-- One row per Clerk user: public profile, role, moderation state and follow counters.
-- Users are never hard-deleted: a Clerk user.deleted webhook anonymizes the row and sets deleted_at.
create table user_profiles
(
    id              uuid        not null default gen_random_uuid(),
    clerk_user_id   text        not null,
    handle          text        not null,
    display_name    text        not null,
    bio             text,
    avatar_key      text,
    email           text,
    role            text        not null default 'USER',
    suspended_at    timestamptz,
    deleted_at      timestamptz,
    follower_count  int         not null default 0,
    following_count int         not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint pk_user_profiles primary key (id),
    constraint uq_user_profiles_clerk_user_id unique (clerk_user_id),
    constraint ck_user_profiles_handle_format check (handle ~ '^[A-Za-z0-9_]{3,30}$'),
    constraint ck_user_profiles_display_name_length check (char_length(display_name) <= 100),
    constraint ck_user_profiles_bio_length check (char_length(bio) <= 2000),
    constraint ck_user_profiles_role check (role in ('USER', 'MODERATOR')),
    constraint ck_user_profiles_follower_count check (follower_count >= 0),
    constraint ck_user_profiles_following_count check (following_count >= 0)
);

-- Handles are unique case-insensitively; lookups by handle use lower(handle) = lower(?).
create unique index uq_user_profiles_handle_lower on user_profiles (lower(handle));

-- User search and suggestions (ILIKE / similarity on the same expressions).
create index ix_user_profiles_handle_trgm on user_profiles using gin (lower(handle) gin_trgm_ops);
create index ix_user_profiles_display_name_trgm on user_profiles using gin (lower(muejam_unaccent(display_name)) gin_trgm_ops);

-- Per-user email switches; a missing row means the defaults (all on).
create table notification_settings
(
    user_id      uuid        not null,
    email_reply  boolean     not null default true,
    email_follow boolean     not null default true,
    updated_at   timestamptz not null default now(),
    constraint pk_notification_settings primary key (user_id),
    constraint fk_notification_settings_user foreign key (user_id) references user_profiles (id) on delete cascade
);

-- Object keys issued by the presign endpoint: who may reference which key, and whether it was uploaded.
create table uploads
(
    object_key     text        not null,
    user_id        uuid        not null,
    type           text        not null,
    content_type   text        not null,
    content_length bigint      not null,
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null,
    uploaded_at    timestamptz,
    constraint pk_uploads primary key (object_key),
    constraint fk_uploads_user foreign key (user_id) references user_profiles (id),
    constraint ck_uploads_type check (type in ('avatar', 'cover', 'whisper_media')),
    constraint ck_uploads_content_length check (content_length > 0)
);

create index ix_uploads_user_created on uploads (user_id, created_at desc);
