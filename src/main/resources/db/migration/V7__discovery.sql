-- V7: discovery: user interests, engagement signals, daily story stats and trending scores.

-- How much a user is interested in a tag or in an author (exactly one of the two), decayed daily.
create table user_interests
(
    id         uuid             not null default gen_random_uuid(),
    user_id    uuid             not null,
    tag_id     uuid,
    author_id  uuid,
    score      double precision not null default 0,
    updated_at timestamptz      not null default now(),
    constraint pk_user_interests primary key (id),
    constraint fk_user_interests_user foreign key (user_id) references user_profiles (id),
    constraint fk_user_interests_tag foreign key (tag_id) references tags (id),
    constraint fk_user_interests_author foreign key (author_id) references user_profiles (id),
    constraint uq_user_interests_user_tag unique (user_id, tag_id),
    constraint uq_user_interests_user_author unique (user_id, author_id),
    constraint ck_user_interests_one_target check (num_nonnulls(tag_id, author_id) = 1)
);

-- A user's strongest interests.
create index ix_user_interests_user_score on user_interests (user_id, score desc);

-- Per-story, per-day engagement counts and the trending score computed from them.
create table story_stats_daily
(
    id             uuid             not null default gen_random_uuid(),
    story_id       uuid             not null,
    date           date             not null,
    saves_count    int              not null default 0,
    reads_count    int              not null default 0,
    likes_count    int              not null default 0,
    whispers_count int              not null default 0,
    trending_score double precision not null default 0,
    constraint pk_story_stats_daily primary key (id),
    constraint fk_story_stats_daily_story foreign key (story_id) references stories (id),
    constraint uq_story_stats_daily_story_date unique (story_id, date),
    constraint ck_story_stats_daily_counts check (
        saves_count >= 0 and reads_count >= 0 and likes_count >= 0 and whispers_count >= 0
    )
);

create index ix_story_stats_daily_date_score on story_stats_daily (date, trending_score desc);

-- Append-only raw engagement signals, aggregated set-based into stats and interests.
create table story_engagements
(
    id         bigint generated always as identity,
    story_id   uuid        not null,
    user_id    uuid,
    kind       text        not null,
    created_at timestamptz not null default now(),
    constraint pk_story_engagements primary key (id),
    constraint fk_story_engagements_story foreign key (story_id) references stories (id),
    constraint ck_story_engagements_kind check (kind in ('SAVE', 'READ', 'COMPLETE_READ', 'LIKE', 'WHISPER'))
);

-- Aggregation windows and pruning.
create index ix_story_engagements_created on story_engagements (created_at);
create index ix_story_engagements_story_created on story_engagements (story_id, created_at);

-- The current trending score per story (replaced by the trending job).
create table story_trending
(
    story_id    uuid             not null,
    score       double precision not null,
    computed_at timestamptz      not null,
    constraint pk_story_trending primary key (story_id),
    constraint fk_story_trending_story foreign key (story_id) references stories (id)
);

-- The trending feed, highest score first.
create index ix_story_trending_score on story_trending (score desc, story_id);

-- Stories a user asked not to be recommended again.
create table not_interested
(
    user_id    uuid        not null,
    story_id   uuid        not null,
    created_at timestamptz not null default now(),
    constraint pk_not_interested primary key (user_id, story_id),
    constraint fk_not_interested_user foreign key (user_id) references user_profiles (id),
    constraint fk_not_interested_story foreign key (story_id) references stories (id)
);
