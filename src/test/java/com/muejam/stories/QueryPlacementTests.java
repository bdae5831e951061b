package com.muejam.stories;

import org.junit.jupiter.api.Test;

import static com.muejam.support.SourceRules.assertNoFileOver300Lines;
import static com.muejam.support.SourceRules.assertNoSqlIn;

/**
 * Services orchestrate and controllers speak HTTP: the module's SQL lives in its queries,
 * store and repository classes, and no main file grows past 300 lines.
 */
class QueryPlacementTests {

	@Test
	void servicesAndControllersRunNoSql() {
		assertNoSqlIn("com.muejam.stories");
	}

	@Test
	void noMainFileIsOver300Lines() {
		assertNoFileOver300Lines("com.muejam.stories");
	}

}
