-- V33: email digests. A reader chooses off, daily or weekly (the default) and their time zone;
-- a digest goes at 08:00 their time (on Mondays for weekly) with what they would otherwise have
-- had one email at a time since the last one. digest_runs remembers up to when a reader's digests
-- have covered, so a missed run catches up and nothing is counted twice. digest_since is when the
-- reader last switched the digest on: what came before was emailed one at a time.
alter table user_profiles
    add column digest       text not null default 'weekly',
    add column timezone     text not null default 'UTC',
    add column digest_since timestamptz,
    add constraint ck_user_profiles_digest check (digest in ('off', 'daily', 'weekly'));

create table digest_runs
(
    user_id       uuid        not null,
    covered_until timestamptz not null,
    constraint pk_digest_runs primary key (user_id),
    constraint fk_digest_runs_user foreign key (user_id) references user_profiles (id) on delete cascade
);

alter table notifications
    drop constraint ck_notifications_type,
    add constraint ck_notifications_type check (type in ('REPLY', 'FOLLOW', 'NEW_CHAPTER', 'DATA_EXPORT_READY'));
