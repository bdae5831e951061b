-- V18: tags remember who created them, so the new tags one user creates per UTC day are limited
-- (muejam.quotas.new-tags-per-day). Tags created before this migration have no creator.
alter table tags add column created_by uuid;
alter table tags
    add constraint fk_tags_created_by foreign key (created_by) references user_profiles (id) on delete set null;
create index ix_tags_created_by on tags (created_by, created_at) where created_by is not null;
