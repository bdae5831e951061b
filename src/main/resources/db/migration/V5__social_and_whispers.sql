-- V5: the social graph (follow, block, mute) and whispers with their likes.

-- follower_id follows following_id.
create table follows
(
    id           uuid        not null default gen_random_uuid(),
    follower_id  uuid        not null,
    following_id uuid        not null,
    created_at   timestamptz not null default now(),
    constraint pk_follows primary key (id),
    constraint fk_follows_follower foreign key (follower_id) references user_profiles (id),
    constraint fk_follows_following foreign key (following_id) references user_profiles (id),
    constraint uq_follows_pair unique (follower_id, following_id),
    constraint ck_follows_not_self check (follower_id <> following_id)
);

-- A user's followers, newest first.
create index ix_follows_following_created on follows (following_id, created_at desc, id desc);
-- Whom a user follows, newest first.
create index ix_follows_follower_created on follows (follower_id, created_at desc, id desc);

-- blocker_id blocked blocked_id: neither sees the other's content anywhere.
create table blocks
(
    id         uuid        not null default gen_random_uuid(),
    blocker_id uuid        not null,
    blocked_id uuid        not null,
    created_at timestamptz not null default now(),
    constraint pk_blocks primary key (id),
    constraint fk_blocks_blocker foreign key (blocker_id) references user_profiles (id),
    constraint fk_blocks_blocked foreign key (blocked_id) references user_profiles (id),
    constraint uq_blocks_pair unique (blocker_id, blocked_id),
    constraint ck_blocks_not_self check (blocker_id <> blocked_id)
);

-- "Who blocked me" (visibility checks run in both directions).
create index ix_blocks_blocked on blocks (blocked_id, blocker_id);

-- muter_id muted muted_id: muted users' whispers are hidden from the muter's feeds.
create table mutes
(
    id         uuid        not null default gen_random_uuid(),
    muter_id   uuid        not null,
    muted_id   uuid        not null,
    created_at timestamptz not null default now(),
    constraint pk_mutes primary key (id),
    constraint fk_mutes_muter foreign key (muter_id) references user_profiles (id),
    constraint fk_mutes_muted foreign key (muted_id) references user_profiles (id),
    constraint uq_mutes_pair unique (muter_id, muted_id),
    constraint ck_mutes_not_self check (muter_id <> muted_id)
);

-- Short posts: global, about a story, or about a highlight. Replies point at their thread root
-- (parent_id) and at the whisper they directly answer (in_reply_to_id).
create table whispers
(
    id             uuid        not null default gen_random_uuid(),
    user_id        uuid        not null,
    content        text        not null,
    media_key      text,
    scope          text        not null,
    story_id       uuid,
    highlight_id   uuid,
    parent_id      uuid,
    in_reply_to_id uuid,
    like_count     int         not null default 0,
    reply_count    int         not null default 0,
    deleted_at     timestamptz,
    hidden_at      timestamptz,
    created_at     timestamptz not null default now(),
    constraint pk_whispers primary key (id),
    constraint fk_whispers_user foreign key (user_id) references user_profiles (id),
    constraint fk_whispers_story foreign key (story_id) references stories (id),
    constraint fk_whispers_highlight foreign key (highlight_id) references highlights (id),
    constraint fk_whispers_parent foreign key (parent_id) references whispers (id),
    constraint fk_whispers_in_reply_to foreign key (in_reply_to_id) references whispers (id),
    -- The exact 280-grapheme limit is enforced by the application; this is a safety net.
    constraint ck_whispers_content_length check (char_length(content) between 1 and 1000),
    constraint ck_whispers_scope check (scope in ('GLOBAL', 'STORY', 'HIGHLIGHT')),
    constraint ck_whispers_scope_target check (
        (scope = 'GLOBAL' and story_id is null and highlight_id is null)
        or (scope = 'STORY' and story_id is not null)
        or (scope = 'HIGHLIGHT' and highlight_id is not null)
    ),
    constraint ck_whispers_like_count check (like_count >= 0),
    constraint ck_whispers_reply_count check (reply_count >= 0)
);

-- Root whispers of a scope (the global feed), newest first.
create index ix_whispers_root_feed on whispers (scope, created_at desc, id desc)
    where parent_id is null and deleted_at is null and hidden_at is null;
-- Root whispers about a story.
create index ix_whispers_story_feed on whispers (story_id, created_at desc, id desc)
    where parent_id is null and deleted_at is null and hidden_at is null;
-- Root whispers about a highlight.
create index ix_whispers_highlight_feed on whispers (highlight_id, created_at desc, id desc)
    where parent_id is null and deleted_at is null and hidden_at is null;
-- Replies of a thread, oldest first.
create index ix_whispers_replies on whispers (parent_id, created_at, id)
    where parent_id is not null and deleted_at is null and hidden_at is null;
-- A user's whispers.
create index ix_whispers_user_created on whispers (user_id, created_at desc);

-- One like per user per whisper.
create table whisper_likes
(
    id         uuid        not null default gen_random_uuid(),
    user_id    uuid        not null,
    whisper_id uuid        not null,
    created_at timestamptz not null default now(),
    constraint pk_whisper_likes primary key (id),
    constraint fk_whisper_likes_user foreign key (user_id) references user_profiles (id),
    constraint fk_whisper_likes_whisper foreign key (whisper_id) references whispers (id) on delete cascade,
    constraint uq_whisper_likes_user_whisper unique (user_id, whisper_id)
);

create index ix_whisper_likes_whisper on whisper_likes (whisper_id);
