-- V39: readers' signals are counted in batches.
-- A save, a chapter's first read of the day, a completed read, a like and a story whisper were
-- each an event in Spring Modulith's registry (a row inserted, then deleted once handled) and a
-- listener's transaction of one or two statements, each adding one to the story's and the
-- author's row of the day. The request now appends its signal here, in its own transaction, and
-- discovery counts what is here in one statement per batch, which deletes what it counted
-- (discovery.SignalInbox). No foreign key: a signal whose story, chapter or reader is gone by
-- then is counted for nothing, and dropped.
create table signal_inbox
(
    id         bigint generated always as identity,
    kind       text        not null,
    story_id   uuid        not null,
    user_id    uuid        not null,
    -- a first read's chapter, for the chapter's statistics
    chapter_id uuid,
    -- the UTC day the signal counts for
    day        date        not null default cast(timezone('UTC', now()) as date),
    created_at timestamptz not null default now(),
    constraint pk_signal_inbox primary key (id),
    constraint ck_signal_inbox_kind check (kind in ('SAVE', 'READ', 'COMPLETE_READ', 'LIKE', 'WHISPER'))
);

-- The signals an instance of the previous version published and had not counted yet move here:
-- no listener of this version would run their publications. (Events are stored as JSON with the
-- API's snake_case names.)
insert into signal_inbox (kind, story_id, user_id, chapter_id, day, created_at)
select case p.event_type
           when 'com.muejam.library.StorySaved' then 'SAVE'
           when 'com.muejam.library.ChapterRead' then 'READ'
           when 'com.muejam.library.ChapterCompleted' then 'COMPLETE_READ'
           when 'com.muejam.whispers.WhisperLiked' then 'LIKE'
           else 'WHISPER' end,
       cast(e ->> 'story_id' as uuid),
       cast(coalesce(e ->> 'user_id', e ->> 'liker_id') as uuid),
       case when p.event_type = 'com.muejam.library.ChapterRead' then cast(e ->> 'chapter_id' as uuid) end,
       coalesce(cast(e ->> 'day' as date), cast(timezone('UTC', p.publication_date) as date)),
       p.publication_date
from event_publication p
         cross join lateral (select cast(p.serialized_event as jsonb) as e) event
where p.completion_date is null
  and p.listener_id like 'com.muejam.discovery.DiscoverySignals.on(%'
  and p.event_type in ('com.muejam.library.StorySaved', 'com.muejam.library.ChapterRead',
                       'com.muejam.library.ChapterCompleted', 'com.muejam.whispers.WhisperLiked',
                       'com.muejam.whispers.StoryWhispered')
  and e ->> 'story_id' is not null;

-- their publications go, with their parking if they had failed on every attempt (the inbox
-- tries them again)
with moved as (
    delete from event_publication
    where completion_date is null
      and listener_id like 'com.muejam.discovery.DiscoverySignals.on(%'
      and event_type in ('com.muejam.library.StorySaved', 'com.muejam.library.ChapterRead',
                         'com.muejam.library.ChapterCompleted', 'com.muejam.whispers.WhisperLiked',
                         'com.muejam.whispers.StoryWhispered')
    returning id)
delete from parked_event_publications where publication_id in (select id from moved);
