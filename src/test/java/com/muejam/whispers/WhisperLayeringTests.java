package com.muejam.whispers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The whispers module keeps its SQL in one place, {@code WhisperQueries}: services
 * orchestrate, controllers translate HTTP, and the feeds, access rules and cleanup ask
 * the queries instead of talking to the database themselves.
 */
class WhisperLayeringTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.muejam.whispers");

	@Test
	void onlyTheQueriesTalkToTheDatabase() {
		noClasses().that()
			.doNotHaveSimpleName("WhisperQueries")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
			.check(this.classes);
	}

}
