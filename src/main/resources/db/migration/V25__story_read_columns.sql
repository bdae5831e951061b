-- What a story read shows, kept on the story row so that a page of stories reads no other
-- table than the authors': its tags by name, and the number of chapters readers can see.
--
-- live_chapter_count counts the chapters readers could see when the counters were last
-- written; next_chapter_at is the earliest scheduled chapter still to go live then. Until
-- that moment the count is exact; from it on, reads count the chapters themselves until the
-- counters are written again (a job does that every minute for stories whose moment passed).
alter table stories
    add column tag_names          text[] not null default '{}',
    add column tag_slugs          text[] not null default '{}',
    add column live_chapter_count int    not null default 0,
    add column next_chapter_at    timestamptz,
    add constraint ck_stories_live_chapter_count check (live_chapter_count >= 0);

update stories s
set tag_names = x.names, tag_slugs = x.slugs
from (select st.story_id, array_agg(t.name order by t.name) as names, array_agg(t.slug order by t.name) as slugs
      from story_tags st join tags t on t.id = st.tag_id
      group by st.story_id) x
where x.story_id = s.id;

update stories s
set live_chapter_count = x.live, next_chapter_at = x.next
from (select c.story_id,
             count(*) filter (where c.published_at <= now()) as live,
             min(c.published_at) filter (where c.published_at > now()) as next
      from chapters c
      where c.published and c.deleted_at is null and c.hidden_at is null
      group by c.story_id) x
where x.story_id = s.id;

create index ix_stories_next_chapter_at on stories (next_chapter_at) where next_chapter_at is not null;
