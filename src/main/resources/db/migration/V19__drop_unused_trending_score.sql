-- story_stats_daily.trending_score was never written or read: trending scores live in
-- story_trending. Dropping the column also drops the (date, trending_score) index built on it.
drop index if exists ix_story_stats_daily_date_score;
alter table story_stats_daily drop column trending_score;
