package com.muejam.exports;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a personal data export: one statement per file of the archive, each row a
 * JSON document built by PostgreSQL, so a file is read set-based whatever its size. Reads
 * the tables of every module that keeps what a user gave the platform (see the package
 * documentation).
 */
@Component
class PersonalDataQueries {

	private final JdbcClient jdbc;

	PersonalDataQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Streams a file's JSON documents: one for an object file, one per element for a list
	 * file.
	 * @param file the file
	 * @param userId whose data
	 * @param documents receives each document
	 */
	void read(PersonalDataFile file, UUID userId, Consumer<String> documents) {
		this.jdbc.sql(file.sql).param("user", userId).query((rs) -> {
			documents.accept(rs.getString(1));
		});
	}

	/**
	 * The files of the archive, as documented in {@code README.md} inside it.
	 */
	enum PersonalDataFile {

		PROFILE("profile.json", false,
				"""
						select json_build_object('id', u.id, 'handle', u.handle, 'display_name', u.display_name, 'bio', u.bio,
						    'email', u.email, 'avatar_key', u.avatar_key, 'role', u.role, 'created_at', u.created_at,
						    'updated_at', u.updated_at, 'digest', u.digest, 'timezone', u.timezone,
						    'preferences', json_build_object('max_rating', coalesce(p.max_rating, 'teen'),
						        'muted_tags', coalesce(p.muted_tags, '{}'), 'hide_read_by_default', coalesce(p.hide_read_by_default, false)))::text
						from user_profiles u left join reader_preferences p on p.user_id = u.id
						where u.id = :user"""),

		NOTIFICATION_SETTINGS("notification_settings.json", false, """
				select json_build_object('email_reply', coalesce(n.email_reply, true),
				    'email_follow', coalesce(n.email_follow, true),
				    'email_new_chapter', coalesce(n.email_new_chapter, false))::text
				from (select cast(:user as uuid) as id) u left join notification_settings n on n.user_id = u.id"""),

		STORIES("stories.json", true, """
				select json_build_object('id', s.id, 'slug', s.slug, 'title', s.title, 'blurb', s.blurb,
				    'rating', s.rating, 'content_warnings', s.content_warnings, 'tags', s.tag_names,
				    'cover_key', s.cover_key, 'published', s.published, 'published_at', s.published_at,
				    'created_at', s.created_at, 'updated_at', s.updated_at,
				    'chapters', (select coalesce(json_agg(json_build_object('id', c.id, 'number', c.chapter_number,
				        'title', c.title, 'markdown', c.content, 'html', c.content_html, 'published', c.published,
				        'published_at', c.published_at, 'created_at', c.created_at, 'updated_at', c.updated_at)
				        order by c.chapter_number), '[]')
				        from chapters c where c.story_id = s.id and c.deleted_at is null))::text
				from stories s where s.author_id = :user and s.deleted_at is null
				order by s.created_at, s.id"""),

		SHELVES("shelves.json", true, """
				select json_build_object('id', sh.id, 'name', sh.name, 'created_at', sh.created_at,
				    'stories', (select coalesce(json_agg(json_build_object('story_id', i.story_id, 'title', s.title,
				        'slug', s.slug, 'added_at', i.added_at) order by i.added_at), '[]')
				        from shelf_items i join stories s on s.id = i.story_id where i.shelf_id = sh.id))::text
				from shelves sh where sh.user_id = :user
				order by sh.created_at, sh.id"""),

		READING_PROGRESS("reading_progress.json", true, """
				select json_build_object('story_id', r.story_id, 'story_title', s.title, 'chapter_id', r.chapter_id,
				    'chapter_title', c.title, 'char_offset', r.char_offset, 'updated_at', r.updated_at)::text
				from reading_progress r join stories s on s.id = r.story_id join chapters c on c.id = r.chapter_id
				where r.user_id = :user
				order by r.updated_at desc, r.id"""),

		BOOKMARKS("bookmarks.json", true, """
				select json_build_object('id', b.id, 'story_id', c.story_id, 'chapter_id', b.chapter_id,
				    'chapter_title', c.title, 'char_offset', b.char_offset, 'created_at', b.created_at)::text
				from bookmarks b join chapters c on c.id = b.chapter_id
				where b.user_id = :user
				order by b.created_at, b.id"""),

		HIGHLIGHTS("highlights.json", true, """
				select json_build_object('id', h.id, 'story_id', c.story_id, 'chapter_id', h.chapter_id,
				    'start_offset', h.start_offset, 'end_offset', h.end_offset, 'quote', h.quote, 'prefix', h.prefix,
				    'suffix', h.suffix, 'orphaned', h.orphaned, 'created_at', h.created_at,
				    'updated_at', h.updated_at)::text
				from highlights h join chapters c on c.id = h.chapter_id
				where h.user_id = :user
				order by h.created_at, h.id"""),

		WHISPERS("whispers.json", true, """
				select json_build_object('id', w.id, 'content', w.content, 'media_key', w.media_key, 'scope', w.scope,
				    'story_id', w.story_id, 'highlight_id', w.highlight_id, 'parent_id', w.parent_id,
				    'like_count', w.like_count, 'reply_count', w.reply_count,
				    'hidden_by_moderators', w.hidden_at is not null, 'created_at', w.created_at)::text
				from whispers w where w.user_id = :user and w.deleted_at is null
				order by w.created_at, w.id"""),

		FOLLOWS("follows.json", false,
				"""
						select json_build_object(
						    'following', (select coalesce(json_agg(json_build_object('user_id', f.following_id,
						        'handle', u.handle, 'since', f.created_at) order by f.created_at), '[]')
						        from follows f join user_profiles u on u.id = f.following_id where f.follower_id = :user),
						    'followers', (select coalesce(json_agg(json_build_object('user_id', f.follower_id,
						        'handle', u.handle, 'since', f.created_at) order by f.created_at), '[]')
						        from follows f join user_profiles u on u.id = f.follower_id where f.following_id = :user))::text"""),

		BLOCKS("blocks.json", true, """
				select json_build_object('user_id', b.blocked_id, 'handle', u.handle, 'since', b.created_at)::text
				from blocks b join user_profiles u on u.id = b.blocked_id
				where b.blocker_id = :user
				order by b.created_at, b.id"""),

		MUTES("mutes.json", true, """
				select json_build_object('user_id', m.muted_id, 'handle', u.handle, 'since', m.created_at)::text
				from mutes m join user_profiles u on u.id = m.muted_id
				where m.muter_id = :user
				order by m.created_at, m.id"""),

		REPORTS("reports.json", true, """
				select json_build_object('id', r.id, 'reported_user_id', r.reported_user_id, 'story_id', r.story_id,
				    'chapter_id', r.chapter_id, 'whisper_id', r.whisper_id, 'reason', r.reason, 'status', r.status,
				    'resolution', r.resolution, 'resolved_at', r.resolved_at, 'created_at', r.created_at)::text
				from reports r where r.reporter_id = :user
				order by r.created_at, r.id""");

		final String fileName;

		final boolean list;

		private final String sql;

		PersonalDataFile(String fileName, boolean list, String sql) {
			this.fileName = fileName;
			this.list = list;
			this.sql = sql;
		}

	}

}
