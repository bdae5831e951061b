-- V4: the reader's library: shelves, reading progress, daily reads, bookmarks and highlights.

-- A user's named shelf; item_count is denormalized for the shelf list.
create table shelves
(
    id         uuid        not null default gen_random_uuid(),
    user_id    uuid        not null,
    name       text        not null,
    item_count int         not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_shelves primary key (id),
    constraint fk_shelves_user foreign key (user_id) references user_profiles (id),
    constraint ck_shelves_name_length check (char_length(name) between 1 and 100),
    constraint ck_shelves_item_count check (item_count >= 0)
);

-- Shelf names are unique per user, case-insensitively.
create unique index uq_shelves_user_name on shelves (user_id, lower(name));
-- The user's shelf list.
create index ix_shelves_user_created on shelves (user_id, created_at desc, id desc);

-- A story placed on a shelf (a "save").
create table shelf_items
(
    id       uuid        not null default gen_random_uuid(),
    shelf_id uuid        not null,
    story_id uuid        not null,
    added_at timestamptz not null default now(),
    constraint pk_shelf_items primary key (id),
    constraint fk_shelf_items_shelf foreign key (shelf_id) references shelves (id) on delete cascade,
    constraint fk_shelf_items_story foreign key (story_id) references stories (id),
    constraint uq_shelf_items_shelf_story unique (shelf_id, story_id)
);

-- Items of a shelf, most recently added first.
create index ix_shelf_items_shelf_added on shelf_items (shelf_id, added_at desc, id desc);
create index ix_shelf_items_story on shelf_items (story_id);

-- Where a user stopped reading a chapter (character offset into the chapter's markdown).
-- story_id is denormalized for the "continue reading" list.
create table reading_progress
(
    id          uuid        not null default gen_random_uuid(),
    user_id     uuid        not null,
    chapter_id  uuid        not null,
    story_id    uuid        not null,
    char_offset int         not null,
    updated_at  timestamptz not null default now(),
    constraint pk_reading_progress primary key (id),
    constraint fk_reading_progress_user foreign key (user_id) references user_profiles (id),
    constraint fk_reading_progress_chapter foreign key (chapter_id) references chapters (id),
    constraint fk_reading_progress_story foreign key (story_id) references stories (id),
    constraint uq_reading_progress_user_chapter unique (user_id, chapter_id),
    constraint ck_reading_progress_char_offset check (char_offset >= 0)
);

-- "Continue reading": the user's most recently updated progress first.
create index ix_reading_progress_user_updated on reading_progress (user_id, updated_at desc, id desc);
create index ix_reading_progress_chapter on reading_progress (chapter_id);

-- Reading signals: a read counts once per user per chapter per day; completed = progress reached 90%.
create table chapter_reads
(
    user_id    uuid        not null,
    chapter_id uuid        not null,
    story_id   uuid        not null,
    read_on    date        not null,
    completed  boolean     not null default false,
    created_at timestamptz not null default now(),
    constraint pk_chapter_reads primary key (user_id, chapter_id, read_on),
    constraint fk_chapter_reads_user foreign key (user_id) references user_profiles (id),
    constraint fk_chapter_reads_chapter foreign key (chapter_id) references chapters (id),
    constraint fk_chapter_reads_story foreign key (story_id) references stories (id)
);

-- A position a user bookmarked in a chapter.
create table bookmarks
(
    id          uuid        not null default gen_random_uuid(),
    user_id     uuid        not null,
    chapter_id  uuid        not null,
    char_offset int         not null,
    created_at  timestamptz not null default now(),
    constraint pk_bookmarks primary key (id),
    constraint fk_bookmarks_user foreign key (user_id) references user_profiles (id),
    constraint fk_bookmarks_chapter foreign key (chapter_id) references chapters (id),
    constraint ck_bookmarks_char_offset check (char_offset >= 0)
);

-- The user's bookmarks in a chapter, newest first.
create index ix_bookmarks_user_chapter on bookmarks (user_id, chapter_id, created_at desc, id desc);
create index ix_bookmarks_chapter on bookmarks (chapter_id);

-- A highlighted range [start_offset, end_offset) of a chapter's markdown, with the quoted text and
-- its surrounding context so it can be re-anchored (or marked orphaned) when the chapter is edited.
create table highlights
(
    id           uuid        not null default gen_random_uuid(),
    user_id      uuid        not null,
    chapter_id   uuid        not null,
    start_offset int         not null,
    end_offset   int         not null,
    quote        text        not null,
    prefix       text        not null default '',
    suffix       text        not null default '',
    orphaned     boolean     not null default false,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint pk_highlights primary key (id),
    constraint fk_highlights_user foreign key (user_id) references user_profiles (id),
    constraint fk_highlights_chapter foreign key (chapter_id) references chapters (id),
    constraint ck_highlights_offsets check (0 <= start_offset and start_offset < end_offset)
);

-- The user's highlights in a chapter, newest first.
create index ix_highlights_user_chapter on highlights (user_id, chapter_id, created_at desc, id desc);
create index ix_highlights_chapter on highlights (chapter_id);
