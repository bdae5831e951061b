-- V30: books made of stories (EPUB), one per story: the revision it shows and where it is stored.
-- A download of the same revision streams the stored book; a new revision replaces it.
create table epub_exports
(
    story_id   uuid        not null,
    revision   text        not null,
    object_key text        not null,
    size_bytes bigint      not null,
    built_at   timestamptz not null default now(),
    constraint pk_epub_exports primary key (story_id),
    constraint fk_epub_exports_story foreign key (story_id) references stories (id) on delete cascade,
    constraint ck_epub_exports_size check (size_bytes > 0)
);
