-- V3: stories, tags and chapters.

-- A story: metadata, publication state, moderation state and denormalized counters.
-- Visible to the public iff published and published_at <= now() and deleted_at is null and hidden_at is null.
-- search_vector is maintained by the application (title weight A, blurb B, tags C).
create table stories
(
    id            uuid        not null default gen_random_uuid(),
    slug          text        not null,
    title         text        not null,
    blurb         text        not null default '',
    cover_key     text,
    author_id     uuid        not null,
    published     boolean     not null default false,
    published_at  timestamptz,
    deleted_at    timestamptz,
    hidden_at     timestamptz,
    chapter_count int         not null default 0,
    word_count    int         not null default 0,
    search_vector tsvector    not null default ''::tsvector,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint pk_stories primary key (id),
    constraint uq_stories_slug unique (slug),
    constraint fk_stories_author foreign key (author_id) references user_profiles (id),
    constraint ck_stories_title_length check (char_length(title) between 1 and 200),
    constraint ck_stories_blurb_length check (char_length(blurb) <= 2000),
    constraint ck_stories_chapter_count check (chapter_count >= 0),
    constraint ck_stories_word_count check (word_count >= 0)
);

-- Full-text search.
create index ix_stories_search_vector on stories using gin (search_vector);
-- Title suggestions (ILIKE / similarity on lower(muejam_unaccent(title))).
create index ix_stories_title_trgm on stories using gin (lower(muejam_unaccent(title)) gin_trgm_ops);
-- Public list and the "new" discover feed, newest first.
create index ix_stories_public_feed on stories (published_at desc, id desc)
    where published and deleted_at is null and hidden_at is null;
-- The author's own list (drafts included), also the index for the author_id foreign key.
create index ix_stories_author_own on stories (author_id, created_at desc, id desc)
    where deleted_at is null;
-- Public list filtered by author.
create index ix_stories_author_public on stories (author_id, published_at desc, id desc)
    where published and deleted_at is null and hidden_at is null;

-- Tags; story_count is the number of visible published stories carrying the tag.
create table tags
(
    id          uuid        not null default gen_random_uuid(),
    name        text        not null,
    slug        text        not null,
    story_count int         not null default 0,
    created_at  timestamptz not null default now(),
    constraint pk_tags primary key (id),
    constraint uq_tags_slug unique (slug),
    constraint ck_tags_name_length check (char_length(name) between 1 and 50),
    constraint ck_tags_story_count check (story_count >= 0)
);

-- Tag suggestions.
create index ix_tags_name_trgm on tags using gin (lower(muejam_unaccent(name)) gin_trgm_ops);
-- Popular tags.
create index ix_tags_popular on tags (story_count desc, id);

-- Which tags a story carries.
create table story_tags
(
    story_id uuid not null,
    tag_id   uuid not null,
    constraint pk_story_tags primary key (story_id, tag_id),
    constraint fk_story_tags_story foreign key (story_id) references stories (id) on delete cascade,
    constraint fk_story_tags_tag foreign key (tag_id) references tags (id) on delete cascade
);

-- Stories by tag.
create index ix_story_tags_tag on story_tags (tag_id, story_id);

-- Chapters of a story: markdown content as written plus its sanitized HTML rendering.
create table chapters
(
    id             uuid        not null default gen_random_uuid(),
    story_id       uuid        not null,
    chapter_number int         not null,
    title          text        not null,
    content        text        not null default '',
    content_html   text        not null default '',
    word_count     int         not null default 0,
    published      boolean     not null default false,
    published_at   timestamptz,
    deleted_at     timestamptz,
    hidden_at      timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint pk_chapters primary key (id),
    constraint fk_chapters_story foreign key (story_id) references stories (id),
    constraint uq_chapters_story_number unique (story_id, chapter_number),
    constraint ck_chapters_number check (chapter_number > 0),
    constraint ck_chapters_title_length check (char_length(title) between 1 and 200),
    constraint ck_chapters_content_length check (char_length(content) <= 200000),
    constraint ck_chapters_word_count check (word_count >= 0)
);

-- Public chapter list of a story, in order.
create index ix_chapters_story_published on chapters (story_id, chapter_number)
    where published and deleted_at is null and hidden_at is null;
