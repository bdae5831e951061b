-- V15: when an upload was first referenced (avatar, cover, whisper media), after its bytes were
-- checked; uploads never referenced within a day are deleted by a scheduled job.
alter table uploads add column referenced_at timestamptz;

-- uploads referenced before this column existed keep their objects
update uploads u
set referenced_at = coalesce(u.uploaded_at, u.created_at)
where exists (select 1 from user_profiles p where p.avatar_key = u.object_key)
   or exists (select 1 from stories s where s.cover_key = u.object_key)
   or exists (select 1 from whispers w where w.media_key = u.object_key);

create index ix_uploads_unreferenced on uploads (created_at) where referenced_at is null;
