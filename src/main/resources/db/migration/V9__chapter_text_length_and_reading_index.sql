-- V9: the length of a chapter's markdown in UTF-16 code units (the unit of every offset the API
-- takes, as JavaScript string indices count), kept by the application on write; and the index
-- that finds a reader's latest progress per story for the "continue reading" list.

alter table chapters add column text_length int not null default 0;
alter table chapters add constraint ck_chapters_text_length check (text_length >= 0);

-- existing rows: exact for text without characters outside the Basic Multilingual Plane
update chapters set text_length = char_length(content)
    + (char_length(content) - char_length(regexp_replace(content, '[\U00010000-\U0010FFFF]', '', 'g')));

create index ix_reading_progress_user_story on reading_progress (user_id, story_id, updated_at desc, id desc);
