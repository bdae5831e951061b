-- V38: each story's latest position carries its chapter and offset.
-- The reading list read every listed story's position from reading_progress through
-- progress_id: one more index lookup per row, a fifth of the statement's reads. The
-- statement that saves a position writes both rows, and a chapter revised shorter clamps
-- both, so the list reads story_progress alone.
alter table story_progress
    add column chapter_id  uuid,
    add column char_offset integer;

-- The columns stay nullable while a previous version may still be serving during a rolling
-- deploy: it writes story_progress without them. A row it inserts has no chapter and is
-- left out of the reading list, and a row it updates keeps its earlier chapter and offset,
-- until the reader's next save in that story through this version; the position itself
-- (reading_progress) is kept either way.
set local statement_timeout = 0;

update story_progress sp
set chapter_id = rp.chapter_id, char_offset = rp.char_offset
from reading_progress rp
where rp.id = sp.progress_id;
