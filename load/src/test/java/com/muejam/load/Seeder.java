package com.muejam.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the benchmark's data set straight into the service's database, set-based, in
 * seconds: authors, tags, published stories with three published chapters each (title
 * and blurb words chosen so that {@code dragons storms} matches every story and the
 * story's number matches one), readers with a shelf and reading progress, a reader with
 * a position in every chapter of a thousand stories, and a day of engagement for Trending.
 * Run after the service has migrated its schema.
 *
 * <p>
 * {@code java ... com.muejam.load.Seeder <jdbc-url> <stories> <readers>}
 */
public final class Seeder {

	private Seeder() {
	}

	public static void main(String[] args) throws SQLException {
		String url = args[0];
		int stories = Integer.parseInt(args[1]);
		int readers = Integer.parseInt(args[2]);
		long started = System.nanoTime();
		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			seed(db, stories, readers);
		}
		System.out.printf("seeded %,d stories and %,d readers in %.1f s%n", stories, readers,
				(System.nanoTime() - started) / 1e9);
	}

	static void seed(Connection db, int stories, int readers) throws SQLException {
		String[] words = { "lighthouse", "keeper", "moon", "river", "shadow", "crown", "garden", "letter", "winter",
				"ocean", "secret", "forest", "city", "song", "harbour", "glass" };
		update(db, """
				insert into user_profiles (clerk_user_id, handle, display_name, email)
				select 'user_load_author_' || g, 'load_author_' || g, 'Author ' || g, 'author' || g || '@example.com'
				from generate_series(1, greatest(1, ? / 5)) g""", stories);
		update(db, """
				insert into user_profiles (clerk_user_id, handle, display_name, email)
				select 'user_load_reader_' || g, 'load_reader_' || g, 'Reader ' || g, 'reader' || g || '@example.com'
				from generate_series(1, ?) g""", readers);
		update(db, """
				insert into tags (name, slug) select 'Tag ' || g, 'tag-' || g from generate_series(1, 200) g
				on conflict (slug) do nothing""");
		try (PreparedStatement insert = db.prepareStatement("""
				with authors as (
				    select array_agg(id order by handle) as ids from user_profiles
				    where clerk_user_id like 'user_load_author_%')
				insert into stories (slug, title, blurb, author_id, published, published_at, created_at, updated_at)
				select 'load-' || g, initcap(w1.word || ' ' || w2.word) || ' ' || g,
				       'A tale of dragons and storms, of the ' || w2.word || ' and the ' || w1.word || '.',
				       a.ids[1 + (g % cardinality(a.ids))], true,
				       now() - (g * interval '1 minute'), now(), now()
				from generate_series(1, ?) g cross join authors a
				cross join lateral (select (?::text[])[1 + (g * 7 + 3) % 16] as word) w1
				cross join lateral (select (?::text[])[1 + (g * 13 + 5) % 16] as word) w2""")) {
			insert.setInt(1, stories);
			insert.setArray(2, db.createArrayOf("text", words));
			insert.setArray(3, db.createArrayOf("text", words));
			insert.executeUpdate();
		}
		update(db, """
				insert into story_tags (story_id, tag_id)
				select s.id, t.id from stories s
				cross join lateral (select 'tag-' || (1 + floor(200 * power(random(), 3))::int) as slug
				                    from generate_series(1, 3) where s.id is not null) pick
				join tags t on t.slug = pick.slug
				where s.slug like 'load-%'
				on conflict do nothing""");
		update(db, """
				update tags t set story_count = (select count(*) from story_tags st where st.tag_id = t.id)""");
		// builds before the story read columns (V25) keep tags only in story_tags
		String tagColumns = hasColumn(db, "stories", "tag_names") ? "tag_names = t.names, tag_slugs = t.slugs," : "";
		update(db, """
				update stories s set %s search_vector =
				    setweight(to_tsvector('english', muejam_unaccent(s.title)), 'A')
				    || setweight(to_tsvector('english', muejam_unaccent(s.blurb)), 'B')
				    || setweight(to_tsvector('english', muejam_unaccent(array_to_string(t.names, ' '))), 'C')
				from (select st.story_id, array_agg(t.name order by t.name) as names,
				             array_agg(t.slug order by t.name) as slugs
				      from story_tags st join tags t on t.id = st.tag_id group by st.story_id) t
				where t.story_id = s.id and s.slug like 'load-%%'""".formatted(tagColumns));
		String paragraph = "The keeper climbed the stairs of the lighthouse while the storm came in from the sea. ";
		update(db, """
				insert into chapters (story_id, chapter_number, title, content, content_html, word_count,
				                      text_length, published, published_at)
				select s.id, n, 'Chapter ' || n, repeat(?, 20), '<p>' || repeat(?, 20) || '</p>', 320,
				       char_length(repeat(?, 20)), true, s.published_at
				from stories s cross join generate_series(1, 3) n
				where s.slug like 'load-%'""", paragraph, paragraph, paragraph);
		update(db, "update stories set chapter_count = 3, word_count = 960%s where slug like 'load-%%'"
			.formatted(hasColumn(db, "stories", "live_chapter_count") ? ", live_chapter_count = 3" : ""));
		update(db, """
				insert into shelves (user_id, name, item_count)
				select id, 'Favourites', 10 from user_profiles where clerk_user_id like 'user_load_reader_%'""");
		update(db, """
				insert into shelf_items (shelf_id, story_id, added_at)
				select sh.id, s.id, now() - (k * interval '1 hour')
				from shelves sh cross join generate_series(1, 10) k
				join stories s on s.slug = 'load-' || (1 + (abs(hashtext(sh.id::text)) + k * 97) % ?)
				on conflict do nothing""", stories);
		update(db, """
				insert into reading_progress (user_id, chapter_id, story_id, char_offset, updated_at)
				select sh.user_id, c.id, c.story_id, 100, now() - (k * interval '1 hour')
				from shelves sh cross join generate_series(1, 10) k
				join stories s on s.slug = 'load-' || (1 + (abs(hashtext(sh.id::text)) + k * 97) % ?)
				join chapters c on c.story_id = s.id and c.chapter_number = 1
				on conflict do nothing""", stories);
		// an avid reader, who read every chapter of the newest thousand stories, a chapter a
		// minute: a reading list over a long history
		update(db, """
				insert into user_profiles (clerk_user_id, handle, display_name, email)
				values ('user_load_avid', 'load_avid', 'Avid Reader', 'avid@example.com')""");
		update(db, """
				insert into reading_progress (user_id, chapter_id, story_id, char_offset, updated_at)
				select p.id, c.id, s.id, 100, now() - ((g * 3 - c.chapter_number) * interval '1 minute')
				from generate_series(1, least(?, 1000)) g join stories s on s.slug = 'load-' || g
				join chapters c on c.story_id = s.id
				cross join user_profiles p where p.clerk_user_id = 'user_load_avid'""", stories);
		// builds before V35 find each story's latest position among all of a reader's
		if (hasTable(db, "story_progress")) {
			update(db, """
					insert into story_progress (user_id, story_id, progress_id, updated_at)
					select distinct on (user_id, story_id) user_id, story_id, id, updated_at from reading_progress
					order by user_id, story_id, updated_at desc, id desc""");
		}
		// from V38 each story's latest position carries its chapter and offset
		if (hasColumn(db, "story_progress", "chapter_id")) {
			update(db, """
					update story_progress sp set chapter_id = rp.chapter_id, char_offset = rp.char_offset
					from reading_progress rp where rp.id = sp.progress_id""");
		}
		update(db, """
				insert into story_engagements (story_id, kind, created_at)
				select s.id, (array['SAVE','READ','LIKE','WHISPER'])[1 + floor(random() * 4)::int],
				       now() - random() * interval '24 hours'
				from stories s cross join generate_series(1, 2) k
				where s.slug like 'load-%' and random() < 0.5""");
		try (Statement vacuum = db.createStatement()) {
			vacuum.execute("vacuum analyze");
		}
	}

	private static boolean hasTable(Connection db, String table) throws SQLException {
		try (ResultSet tables = db.getMetaData().getTables(null, "public", table, null)) {
			return tables.next();
		}
	}

	private static boolean hasColumn(Connection db, String table, String column) throws SQLException {
		try (ResultSet columns = db.getMetaData().getColumns(null, "public", table, column)) {
			return columns.next();
		}
	}

	private static void update(Connection db, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}

}
