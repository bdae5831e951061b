-- V14: bounds on abuse that costs other users (email floods, gamed trending).

-- Each queued email says what it is: a REPLY email names the whisper replied to (topic), so a
-- recipient gets a bounded number of reply emails per window and never two about one whisper;
-- the rest are folded (folded_count) into one REPLY_DIGEST email.
alter table email_outbox
    add column kind         text,
    add column topic        text,
    add column folded_count int not null default 0;
alter table email_outbox
    add constraint ck_email_outbox_folded_count check (folded_count >= 0);

-- Recent emails to one recipient, for the per-recipient cap.
create index ix_email_outbox_recipient_created on email_outbox (recipient, created_at desc);

-- An engagement counts once per user, kind, story and UTC day: keep the first of each.
alter table story_engagements add column day date;
update story_engagements set day = cast(timezone('UTC', created_at) as date);
delete from story_engagements e using story_engagements d
where d.story_id = e.story_id and d.user_id = e.user_id and d.kind = e.kind and d.day = e.day and d.id < e.id;
alter table story_engagements
    alter column day set default cast(timezone('UTC', now()) as date),
    alter column day set not null;
create unique index uq_story_engagements_once_a_day on story_engagements (story_id, user_id, kind, day);

