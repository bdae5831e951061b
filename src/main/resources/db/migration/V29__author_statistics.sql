-- Authors' statistics, served from daily aggregates kept as readers act (never by scanning
-- raw events): chapter reads and completing readers per story and day beside the existing
-- counters (reads_count counts each reader once a day), new followers per author and day,
-- and the distinct readers each chapter ever had (the funnel), deduplicated through
-- chapter_readers.
alter table story_stats_daily
    add column chapter_reads_count int not null default 0,
    add column completions_count   int not null default 0,
    add constraint ck_story_stats_daily_more_counts check (chapter_reads_count >= 0 and completions_count >= 0);

create table author_stats_daily
(
    author_id     uuid not null,
    date          date not null,
    new_followers int  not null default 0,
    constraint pk_author_stats_daily primary key (author_id, date),
    constraint fk_author_stats_daily_author foreign key (author_id) references user_profiles (id) on delete cascade,
    constraint ck_author_stats_daily_counts check (new_followers >= 0)
);

create table chapter_readers
(
    chapter_id uuid not null,
    user_id    uuid not null,
    constraint pk_chapter_readers primary key (chapter_id, user_id),
    constraint fk_chapter_readers_chapter foreign key (chapter_id) references chapters (id),
    constraint fk_chapter_readers_user foreign key (user_id) references user_profiles (id) on delete cascade
);

create table chapter_stats
(
    chapter_id uuid not null,
    story_id   uuid not null,
    readers    int  not null default 0,
    constraint pk_chapter_stats primary key (chapter_id),
    constraint fk_chapter_stats_chapter foreign key (chapter_id) references chapters (id),
    constraint fk_chapter_stats_story foreign key (story_id) references stories (id),
    constraint ck_chapter_stats_readers check (readers >= 0)
);
