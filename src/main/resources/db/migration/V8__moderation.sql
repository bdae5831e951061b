-- V8: user reports and the moderators' append-only audit log.

-- A report about exactly one target: a user, a story, a chapter or a whisper.
create table reports
(
    id               uuid        not null default gen_random_uuid(),
    reporter_id      uuid        not null,
    reported_user_id uuid,
    story_id         uuid,
    chapter_id       uuid,
    whisper_id       uuid,
    reason           text        not null,
    status           text        not null default 'PENDING',
    resolution       text,
    resolution_note  text,
    resolved_by      uuid,
    resolved_at      timestamptz,
    created_at       timestamptz not null default now(),
    constraint pk_reports primary key (id),
    constraint fk_reports_reporter foreign key (reporter_id) references user_profiles (id),
    constraint fk_reports_reported_user foreign key (reported_user_id) references user_profiles (id),
    constraint fk_reports_story foreign key (story_id) references stories (id),
    constraint fk_reports_chapter foreign key (chapter_id) references chapters (id),
    constraint fk_reports_whisper foreign key (whisper_id) references whispers (id),
    constraint fk_reports_resolved_by foreign key (resolved_by) references user_profiles (id),
    constraint ck_reports_reason_length check (char_length(reason) between 1 and 1000),
    constraint ck_reports_status check (status in ('PENDING', 'REVIEWED', 'RESOLVED')),
    constraint ck_reports_resolution check (resolution in ('DISMISS', 'HIDE_CONTENT', 'SUSPEND_USER')),
    constraint ck_reports_one_target check (num_nonnulls(reported_user_id, story_id, chapter_id, whisper_id) = 1)
);

-- At most one open (not yet resolved) report per reporter and target.
create unique index uq_reports_open_per_target
    on reports (reporter_id, coalesce(story_id, chapter_id, whisper_id, reported_user_id))
    where status <> 'RESOLVED';
-- The moderation queue by status, oldest first.
create index ix_reports_status_created on reports (status, created_at, id);
-- A reporter's own reports, newest first.
create index ix_reports_reporter_created on reports (reporter_id, created_at desc, id desc);
-- Reports about a given target.
create index ix_reports_reported_user on reports (reported_user_id) where reported_user_id is not null;
create index ix_reports_story on reports (story_id) where story_id is not null;
create index ix_reports_chapter on reports (chapter_id) where chapter_id is not null;
create index ix_reports_whisper on reports (whisper_id) where whisper_id is not null;

-- Append-only audit log of moderator actions; rows can be inserted, never updated or deleted.
create table moderation_actions
(
    id           uuid        not null default gen_random_uuid(),
    moderator_id uuid        not null,
    action       text        not null,
    report_id    uuid,
    target_type  text        not null,
    target_id    uuid        not null,
    note         text,
    created_at   timestamptz not null default now(),
    constraint pk_moderation_actions primary key (id),
    constraint fk_moderation_actions_moderator foreign key (moderator_id) references user_profiles (id)
);

-- Actions taken on a target, and for a report.
create index ix_moderation_actions_target on moderation_actions (target_type, target_id, created_at desc);
create index ix_moderation_actions_report on moderation_actions (report_id) where report_id is not null;

-- Rejects UPDATE and DELETE. TRUNCATE is deliberately not blocked (tests truncate between runs).
create function moderation_actions_append_only()
    returns trigger
    language plpgsql
as
$$
begin
    raise exception 'moderation_actions is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger trg_moderation_actions_append_only
    before update or delete
    on moderation_actions
    for each row
execute function moderation_actions_append_only();
