-- V23: a title-only search document, so that search can rank in tiers by an indexable key
-- (title matches first, then other matches, each newest first) instead of scoring every match.
-- Generated from the title with the same expression as the title part of search_vector
-- (muejam_unaccent is immutable), so it needs no application code to keep it current.
alter table stories
    add column title_vector tsvector generated always as (to_tsvector('english', muejam_unaccent(title))) stored;

create index ix_stories_title_vector on stories using gin (title_vector);
