package com.muejam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modularity tests see types, not SQL: these tests hold a module's SQL to the same
 * boundaries. Every table in the schema has one owning module; a module's SQL may name
 * its own tables, the shared module's, and those of the modules it declares in
 * {@code allowedDependencies}, and its {@code package-info} names every table of another
 * module it reads.
 */
class TableOwnershipTests {

	private static final Path MAIN = Path.of("src/main/java/com/muejam");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** Every table and view in the schema, by the module that owns (and migrates) it. */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("event_publication", "core"),
			Map.entry("event_publication_archive", "core"), Map.entry("shedlock", "core"),
			Map.entry("idempotency_keys", "core"), Map.entry("parked_event_publications", "core"),
			Map.entry("user_profiles", "users"), Map.entry("webhook_deliveries", "users"),
			Map.entry("reader_preferences", "users"), Map.entry("uploads", "uploads"), Map.entry("stories", "stories"),
			Map.entry("chapters", "stories"), Map.entry("tags", "stories"), Map.entry("story_tags", "stories"),
			Map.entry("shelves", "library"), Map.entry("shelf_items", "library"),
			Map.entry("reading_progress", "library"), Map.entry("story_progress", "library"),
			Map.entry("chapter_reads", "library"), Map.entry("bookmarks", "library"),
			Map.entry("highlights", "highlights"), Map.entry("follows", "social"), Map.entry("blocks", "social"),
			Map.entry("mutes", "social"), Map.entry("whispers", "whispers"), Map.entry("whisper_likes", "whispers"),
			Map.entry("notifications", "notifications"), Map.entry("notification_settings", "notifications"),
			Map.entry("email_outbox", "notifications"), Map.entry("stream_tickets", "notifications"),
			Map.entry("chapter_alerts", "notifications"), Map.entry("author_stats_daily", "discovery"),
			Map.entry("chapter_readers", "discovery"), Map.entry("chapter_stats", "discovery"),
			Map.entry("user_interests", "discovery"), Map.entry("story_stats_daily", "discovery"),
			Map.entry("story_engagements", "discovery"), Map.entry("signal_inbox", "core"),
			Map.entry("story_trending", "discovery"), Map.entry("not_interested", "discovery"),
			Map.entry("job_runs", "discovery"), Map.entry("reports", "moderation"),
			Map.entry("moderation_actions", "moderation"), Map.entry("epub_exports", "exports"),
			Map.entry("data_exports", "exports"), Map.entry("digest_runs", "notifications"));

	private static final Pattern CREATED = Pattern
		.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern DROPPED = Pattern
		.compile("(?i)\\bdrop\\s+(table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern TABLE_REFERENCE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|using|table)\\s+(\\w+)");

	private final ApplicationModules modules = ApplicationModules.of(MueJamApplication.class);

	@Test
	void everyTableInTheMigrationsHasAnOwningModule() {
		Set<String> schema = new TreeSet<>();
		for (Path migration : files(MIGRATIONS, ".sql")) {
			String sql = read(migration);
			Matcher created = CREATED.matcher(sql);
			while (created.find()) {
				schema.add(created.group(2).toLowerCase());
			}
			Matcher dropped = DROPPED.matcher(sql);
			while (dropped.find()) {
				schema.remove(dropped.group(2).toLowerCase());
			}
		}
		assertThat(schema).as("tables and views in the migrations").isEqualTo(new TreeSet<>(OWNERS.keySet()));
		assertThat(new TreeSet<>(OWNERS.values())).as("owning modules")
			.allSatisfy((owner) -> assertThat(this.modules.getModuleByName(owner)).as(owner).isPresent());
	}

	@Test
	void aModulesSqlNamesOnlyTablesOfModulesItDeclaresAsDependencies() {
		Set<String> shared = this.modules.getSharedModules()
			.stream()
			.map(TableOwnershipTests::name)
			.collect(Collectors.toSet());
		Map<String, Set<String>> undeclared = new TreeMap<>();
		this.modules.forEach((module) -> {
			Set<String> allowed = module.getAllowedDependencies(this.modules)
				.stream()
				.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())
				.collect(Collectors.toCollection(TreeSet::new));
			allowed.add(name(module));
			allowed.addAll(shared);
			Set<String> foreign = tablesNamedBy(name(module)).stream()
				.filter((table) -> !allowed.contains(OWNERS.get(table)))
				.map((table) -> table + " (owned by " + OWNERS.get(table) + ")")
				.collect(Collectors.toCollection(TreeSet::new));
			if (!foreign.isEmpty()) {
				undeclared.put(name(module), foreign);
			}
		});
		assertThat(undeclared).as("tables named in SQL of modules not declared as dependencies").isEmpty();
	}

	@Test
	void everyReadOfAnotherModulesTableIsDocumentedInThePackageInfo() {
		Map<String, Set<String>> undocumented = new TreeMap<>();
		this.modules.forEach((module) -> {
			String packageInfo = read(MAIN.resolve(name(module)).resolve("package-info.java"));
			Set<String> missing = tablesNamedBy(name(module)).stream()
				.filter((table) -> !OWNERS.get(table).equals(name(module)) && !OWNERS.get(table).equals("core"))
				.filter((table) -> !packageInfo.contains("{@code " + table + "}"))
				.collect(Collectors.toCollection(TreeSet::new));
			if (!missing.isEmpty()) {
				undocumented.put(name(module), missing);
			}
		});
		assertThat(undocumented).as("other modules' tables read without a word in package-info").isEmpty();
	}

	@Test
	void theStoryVisibilityRuleIsSpelledOnlyByStories() {
		assertThat(files(MAIN, ".java")).filteredOn((file) -> !file.startsWith(MAIN.resolve("stories")))
			.filteredOn((file) -> read(file).contains("s.hidden_at is null"))
			.as("files outside stories that spell the visibility rule instead of using StoryVisibility")
			.isEmpty();
	}

	/**
	 * The tables named in the string literals (SQL text blocks and fragments) of a
	 * module's main sources.
	 */
	private static Set<String> tablesNamedBy(String module) {
		Set<String> tables = new TreeSet<>();
		for (Path file : files(MAIN.resolve(module), ".java")) {
			Matcher literal = LITERAL.matcher(read(file));
			while (literal.find()) {
				String text = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
				Matcher reference = TABLE_REFERENCE.matcher(text);
				while (reference.find()) {
					String name = reference.group(1).toLowerCase();
					if (OWNERS.containsKey(name)) {
						tables.add(name);
					}
				}
			}
		}
		return tables;
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	private static Set<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(suffix))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
