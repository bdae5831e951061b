package com.muejam.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The notifications module keeps its SQL in its queries classes: the notification
 * service, the email outbox and its worker, the reply-email cap, the stream tickets and
 * the backlog gauge ask them instead of talking to the database themselves.
 */
class NotificationLayeringTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.muejam.notifications");

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
