-- Readers can have Discover and search leave out the stories they finished by default.
alter table reader_preferences
    add column hide_read_by_default boolean not null default false;
