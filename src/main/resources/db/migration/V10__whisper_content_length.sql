-- V10: a whisper is 1-280 user-perceived characters (checked by the application); one such
-- character can be several code points (an emoji family is five), so the database's bound on
-- code points is raised from 1000 to 4000, enough for 280 rich emoji yet still bounded.
alter table whispers drop constraint ck_whispers_content_length;
alter table whispers add constraint ck_whispers_content_length check (char_length(content) between 1 and 4000);
