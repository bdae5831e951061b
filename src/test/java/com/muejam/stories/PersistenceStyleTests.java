package com.muejam.stories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One persistence style per aggregate (see {@code package-info}): the Story and Chapter
 * aggregates change their own state through their aggregate classes; SQL writes in the
 * module are set-based and each lives in the queries class of the aggregate whose rows it
 * writes, touching only columns the entity leaves alone or spanning many rows.
 */
class PersistenceStyleTests {

	private static final Path STORIES = Path.of("src/main/java/com/muejam/stories");

	private static final Pattern WRITE = Pattern
		.compile("(?i)\\b(?:update|insert\\s+into|delete\\s+from)\\s+(stories|chapters)\\b");

	/**
	 * The queries classes that may write each aggregate's table (split off StoryQueries,
	 * which reads, when it outgrew a file).
	 */
	private static final Map<String, Set<String>> WRITERS = Map.of("stories",
			Set.of("StoryRowQueries.java", "StoryCounterQueries.java", "AccountStoryQueries.java"), "chapters",
			Set.of("ChapterQueries.java"));

	@Test
	void sqlWritesToAnAggregatesTableLiveInThatAggregatesQueries() throws IOException {
		Set<String> misplaced = new TreeSet<>();
		try (var files = Files.list(STORIES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher write = WRITE.matcher(Files.readString(file));
				while (write.find()) {
					String table = write.group(1).toLowerCase();
					if (!WRITERS.get(table).contains(file.getFileName().toString())) {
						misplaced.add(file.getFileName() + " writes " + table);
					}
				}
			}
		}
		assertThat(misplaced).isEmpty();
	}

}
