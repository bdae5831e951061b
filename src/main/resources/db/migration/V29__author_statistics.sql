-- Authors' statistics, served from daily aggregates kept as readers act (never by scanning
-- raw events): chapter reads and completing readers per story and day beside the existing
-- counters (reads_count counts each reader once a day), the same counters summed per author
-- and day with their new followers (so an author's year is 366 rows however many stories),
-- and the distinct readers each chapter ever had (the funnel), deduplicated through
-- chapter_readers.
alter table story_stats_daily
    add column chapter_reads_count int not null default 0,
    add column completions_count   int not null default 0,
    add constraint ck_story_stats_daily_more_counts check (chapter_reads_count >= 0 and completions_count >= 0);

create table author_stats_daily
(
    author_id           uuid not null,
    date                date not null,
    chapter_reads_count int  not null default 0,
    reads_count         int  not null default 0,
    completions_count   int  not null default 0,
    saves_count         int  not null default 0,
    likes_count         int  not null default 0,
    whispers_count      int  not null default 0,
    new_followers       int  not null default 0,
    constraint pk_author_stats_daily primary key (author_id, date),
    constraint fk_author_stats_daily_author foreign key (author_id) references user_profiles (id) on delete cascade,
    constraint ck_author_stats_daily_counts check (
        chapter_reads_count >= 0 and reads_count >= 0 and completions_count >= 0 and saves_count >= 0
        and likes_count >= 0 and whispers_count >= 0 and new_followers >= 0)
);

insert into author_stats_daily (author_id, date, reads_count, saves_count, likes_count, whispers_count)
select s.author_id, x.date, sum(x.reads_count), sum(x.saves_count), sum(x.likes_count), sum(x.whispers_count)
from story_stats_daily x join stories s on s.id = x.story_id
group by s.author_id, x.date;

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
