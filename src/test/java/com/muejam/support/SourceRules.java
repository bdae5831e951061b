package com.muejam.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules on a module's main sources: services orchestrate and controllers speak HTTP (the
 * SQL lives in queries, store and repository classes), and no main file grows past 300
 * lines.
 */
public final class SourceRules {

	private static final Pattern SQL = Pattern.compile(
			"(?i)\\bselect\\s+\\S|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+(\\w+\\s+)?set\\b|\\bdelete\\s+from\\b");

	private SourceRules() {
	}

	/**
	 * No *Service or *Controller of the module uses JDBC or JPA directly or holds SQL
	 * text.
	 * @param module the module's package
	 */
	public static void assertNoSqlIn(String module) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(module);
		noClasses().that()
			.haveSimpleNameEndingWith("Service")
			.or()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, EntityManager.class)
			.check(classes);
		for (Path file : sources(module)) {
			String name = file.getFileName().toString();
			if (name.endsWith("Service.java") || name.endsWith("Controller.java")) {
				assertThat(read(file)).as(name).noneMatch((line) -> SQL.matcher(line).find());
			}
		}
	}

	/**
	 * No main source file of the module is over 300 lines.
	 * @param module the module's package
	 */
	public static void assertNoFileOver300Lines(String module) {
		for (Path file : sources(module)) {
			assertThat(read(file).size()).as(file.getFileName() + " lines").isLessThanOrEqualTo(300);
		}
	}

	private static List<Path> sources(String module) {
		Path folder = Path.of("src/main/java", module.split("\\."));
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> sources = files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
			assertThat(sources).isNotEmpty();
			return sources;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
