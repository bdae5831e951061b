package com.muejam.search;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The search module keeps its SQL in one place: services orchestrate and controllers
 * translate HTTP, neither talks to the database directly.
 */
class SearchLayeringTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.muejam.search");

	@Test
	void servicesAndControllersLeaveSqlToTheQueries() {
		noClasses().that()
			.haveSimpleNameEndingWith("Service")
			.or()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
			.check(this.classes);
	}

}
