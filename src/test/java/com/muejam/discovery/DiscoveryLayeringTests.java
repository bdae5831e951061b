package com.muejam.discovery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The discovery module keeps its SQL in its queries classes: the feeds, the signal
 * listeners and the scheduled jobs keep the rules and the transactions and ask the
 * queries instead of talking to the database themselves.
 */
class DiscoveryLayeringTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.muejam.discovery");

	@Test
	void onlyTheQueriesTalkToTheDatabase() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Queries")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
			.check(this.classes);
	}

}
