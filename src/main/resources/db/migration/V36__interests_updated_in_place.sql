-- V36: a reader's interests are updated in place.
-- Every save and every first read of the day adds to the reader's interest in the story's tags
-- and author. With the score in an index, each of those updates wrote a new entry in each of
-- the table's four indexes; without it, PostgreSQL updates the row within its page and writes
-- none. The one read by score (a reader's strongest interests, when For You ranks) sorts the
-- reader's rows, found by the unique indexes that start with user_id.
drop index ix_user_interests_user_score;

-- room in each page for the updated rows
alter table user_interests set (fillfactor = 90);
