package com.muejam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.muejam.support.ProductionClasses;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services orchestrate and controllers speak HTTP: every feature module's SQL lives in
 * its queries, store and repository classes (listeners and jobs ask them too), and no
 * main file grows past 300 lines.
 */
class QueryPlacementTests {

	private static final Path MAIN = Path.of("src/main/java/com/muejam");

	private static final Pattern SQL = Pattern.compile(
			"(?i)\\bselect\\s+\\S|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+(\\w+\\s+)?set\\b|\\bdelete\\s+from\\b");

	@Test
	void servicesAndControllersLeaveTheDatabaseToTheQueries() {
		JavaClasses classes = ProductionClasses.all();
		noClasses().that()
			.haveSimpleNameEndingWith("Service")
			.or()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class,
					JdbcAggregateOperations.class)
			.check(classes);
	}

	@Test
	void inFeatureModulesOnlyQueriesAndStoresTalkToTheDatabase() {
		JavaClasses classes = ProductionClasses.all();
		noClasses().that()
			.resideOutsideOfPackage("com.muejam.core..")
			.and()
			.haveSimpleNameNotEndingWith("Queries")
			.and()
			.haveSimpleNameNotEndingWith("Store")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
			.check(classes);
	}

	/**
	 * Aggregates are Spring Data JDBC: an ORM's bootstrap (Hibernate's, for four
	 * entities) was a quarter of the start-up, and nothing here needs a session or lazy
	 * loading.
	 */
	@Test
	void persistenceNeedsNoOrm() {
		assertThat(ClassUtils.isPresent("org.hibernate.SessionFactory", null)).isFalse();
		assertThat(ClassUtils.isPresent("jakarta.persistence.EntityManager", null)).isFalse();
	}

	@Test
	void servicesAndControllersHoldNoSqlText() {
		List<Path> holders = sources().stream().filter((file) -> {
			String name = file.getFileName().toString();
			return name.endsWith("Service.java") || name.endsWith("Controller.java");
		}).toList();
		assertThat(holders).isNotEmpty()
			.allSatisfy(
					(file) -> assertThat(read(file)).as(file.toString()).noneMatch((line) -> SQL.matcher(line).find()));
	}

	@Test
	void noMainFileIsOver300Lines() {
		assertThat(sources()).isNotEmpty()
			.allSatisfy((file) -> assertThat(read(file).size()).as(file + " lines").isLessThanOrEqualTo(300));
	}

	private static List<Path> sources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
