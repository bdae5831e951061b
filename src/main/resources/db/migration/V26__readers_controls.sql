-- Readers' controls: every story has a content rating (AO3's scale) and optional content
-- warnings from a fixed list; readers keep the most restricted rating they want to see
-- and the tags they muted.
-- Existing stories are rated general.
alter table stories
    add column rating           text   not null default 'general',
    add column content_warnings text[] not null default '{}',
    add constraint ck_stories_rating check (rating in ('general', 'teen', 'mature', 'explicit')),
    add constraint ck_stories_content_warnings check (content_warnings <@ array[
        'violence', 'graphic_violence', 'self_harm', 'suicide', 'sexual_content', 'sexual_violence', 'abuse',
        'substance_use', 'eating_disorders', 'death', 'strong_language']::text[]);

-- one row per reader who changed a default; read with the sign-in
create table reader_preferences (
    user_id              uuid        primary key,
    max_rating           text        not null default 'teen',
    muted_tags           text[]      not null default '{}',
    updated_at           timestamptz not null,
    constraint fk_reader_preferences_user foreign key (user_id) references user_profiles (id) on delete cascade,
    constraint ck_reader_preferences_max_rating check (max_rating in ('general', 'teen', 'mature', 'explicit')),
    constraint ck_reader_preferences_muted_tags check (cardinality(muted_tags) <= 200)
);
