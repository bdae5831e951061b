package com.muejam;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MueJamApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void coreAndUsersAreModules() {
		assertThat(this.modules.getModuleByName("core")).isPresent();
		assertThat(this.modules.getModuleByName("users")).isPresent();
	}

	@Test
	void everyPackageIsNullMarked() throws IOException, URISyntaxException {
		Path classes = Path.of(MueJamApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> packages;
		try (Stream<Path> files = Files.walk(classes)) {
			packages = files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> classes.relativize(file.getParent())
					.toString()
					.replace(file.getFileSystem().getSeparator(), "."))
				.distinct()
				.sorted()
				.toList();
		}
		assertThat(packages).contains("com.muejam", "com.muejam.core.web", "com.muejam.stories");
		assertThat(packages).filteredOn((name) -> !isNullMarked(name)).as("packages without @NullMarked").isEmpty();
	}

	private static boolean isNullMarked(String packageName) {
		try {
			return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
