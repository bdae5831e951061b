-- V34: a tag's stories in the public feed's order.
-- A tag's page walks its own index, newest first, and stops after a page, whatever the tag's
-- size: each tag row carries its story's published_at, kept by the two triggers below (a
-- story's row is saved whole by its aggregate, and tags are inserted by several writers).
alter table story_tags add column published_at timestamptz;

update story_tags st
set published_at = s.published_at
from stories s
where s.id = st.story_id and s.published_at is not null;

create index ix_story_tags_feed on story_tags (tag_id, published_at desc, story_id desc)
    where published_at is not null;

-- a new tag row takes its story's published_at
create function story_tags_take_published_at()
    returns trigger
    language plpgsql
as
$$
begin
    new.published_at := (select s.published_at from stories s where s.id = new.story_id);
    return new;
end
$$;

create trigger trg_story_tags_take_published_at
    before insert
    on story_tags
    for each row
execute function story_tags_take_published_at();

-- a story whose published_at changes (published, scheduled, rescheduled) passes it on
create function stories_give_published_at()
    returns trigger
    language plpgsql
as
$$
begin
    update story_tags set published_at = new.published_at where story_id = new.id;
    return null;
end
$$;

create trigger trg_stories_give_published_at
    after update of published_at
    on stories
    for each row
    when (old.published_at is distinct from new.published_at)
execute function stories_give_published_at();
