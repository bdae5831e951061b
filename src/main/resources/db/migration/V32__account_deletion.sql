-- V32: accounts deleted on their owner's request. deleted_at is set at once (the profile and
-- everything that filters on it disappear); purge_after is the end of the 30-day grace period,
-- until which the owner may restore the account. The purge job anonymizes the profile and
-- clears purge_after. A profile deleted through Clerk is anonymized at once (no purge_after).
alter table user_profiles
    add column purge_after timestamptz;

create index ix_user_profiles_purge_after on user_profiles (purge_after) where purge_after is not null;
