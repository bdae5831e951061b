-- New-chapter alerts: when a chapter goes live, readers who shelved its story and followers
-- of its author get a NEW_CHAPTER notification, once per reader and chapter (the dedupe
-- key), delivered off the request path in batches by a job that walks the recipients in
-- user id order and keeps its place in chapter_alerts, so a crash resumes where it stopped.
alter table notifications
    add column story_id   uuid,
    add column chapter_id uuid,
    add constraint fk_notifications_story foreign key (story_id) references stories (id),
    add constraint fk_notifications_chapter foreign key (chapter_id) references chapters (id),
    drop constraint ck_notifications_type,
    add constraint ck_notifications_type check (type in ('REPLY', 'FOLLOW', 'NEW_CHAPTER'));

-- off unless the reader switches it on
alter table notification_settings
    add column email_new_chapter boolean not null default false;

-- one row per published chapter: when it goes live, and how far its fan-out got
create table chapter_alerts
(
    chapter_id    uuid        not null,
    story_id      uuid        not null,
    author_id     uuid        not null,
    live_at       timestamptz not null,
    -- the last recipient (in user id order) of the last batch delivered
    after_user_id uuid,
    notified      int         not null default 0,
    done_at       timestamptz,
    created_at    timestamptz not null,
    constraint pk_chapter_alerts primary key (chapter_id),
    constraint fk_chapter_alerts_chapter foreign key (chapter_id) references chapters (id),
    constraint fk_chapter_alerts_story foreign key (story_id) references stories (id),
    constraint fk_chapter_alerts_author foreign key (author_id) references user_profiles (id),
    constraint ck_chapter_alerts_notified check (notified >= 0)
);

-- alerts still to deliver, by when they are due
create index ix_chapter_alerts_due on chapter_alerts (live_at) where done_at is null;

-- an author's followers in user id order, the fan-out's keyset
create index ix_follows_following_follower on follows (following_id, follower_id);
