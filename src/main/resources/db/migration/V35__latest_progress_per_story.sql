-- V35: a reader's latest position in each story, kept beside reading_progress.
-- The reading list shows each story once, at its most recent position. Found among all of a
-- reader's positions, that cost grew with the reader's history (every position of every
-- story, compared with each other); here each story has one row, written by the statement
-- that saves a position, and the list walks a page of them.
create table story_progress
(
    user_id     uuid        not null,
    story_id    uuid        not null,
    progress_id uuid        not null,
    updated_at  timestamptz not null,
    constraint pk_story_progress primary key (user_id, story_id),
    constraint fk_story_progress_progress foreign key (progress_id) references reading_progress (id) on delete cascade
);

create index ix_story_progress_user_updated on story_progress (user_id, updated_at desc, progress_id desc);
create index ix_story_progress_progress on story_progress (progress_id);

-- The backfill reads every position; on a large table that takes longer than the connection's
-- statement timeout (muejam.database.statement-timeout), so it lifts it for this migration.
-- Instances of the previous version, still serving during a rolling deploy, do not keep this
-- table: a story a reader read through one of them shows its earlier position in the reading
-- list until the reader's next save in that story.
set local statement_timeout = 0;

insert into story_progress (user_id, story_id, progress_id, updated_at)
select distinct on (user_id, story_id) user_id, story_id, id, updated_at
from reading_progress
order by user_id, story_id, updated_at desc, id desc;

-- These two indexes served the search among all of a reader's positions, and nothing else reads
-- by them. A save changes updated_at; with no index on it, PostgreSQL can update the row in place.
drop index ix_reading_progress_user_story;
drop index ix_reading_progress_user_updated;
