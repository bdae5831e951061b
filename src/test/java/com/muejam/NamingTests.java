package com.muejam;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.muejam.support.ProductionClasses;

import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's name tells its role: views are responses, request bodies live in
 * {@code *Requests}, configuration classes say so.
 */
class NamingTests {

	private final JavaClasses classes = ProductionClasses.all();

	@Test
	void viewsAreResponsesNotRequestBodies() {
		List<String> requestsAmongViews = this.classes.stream()
			.filter((type) -> type.isRecord() && isView(type))
			.filter((type) -> Stream.of(type.reflect().getRecordComponents()).anyMatch(NamingTests::isValidated))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(requestsAmongViews).as("validated request bodies named or kept as views").isEmpty();
	}

	@Test
	void configurationClassesSayTheyConfigure() {
		List<String> unnamed = this.classes.stream()
			.filter((type) -> type.isAnnotatedWith(Configuration.class))
			.filter((type) -> type.getEnclosingClass().isEmpty())
			.filter((type) -> !type.getSimpleName().endsWith("Configuration")
					&& !type.getSimpleName().endsWith("Caching") && !type.getSimpleName().equals("MueJamApplication"))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(unnamed).as("@Configuration classes not named for it").isEmpty();
	}

	private static boolean isView(JavaClass type) {
		return type.getSimpleName().endsWith("View")
				|| type.getEnclosingClass().map((holder) -> holder.getSimpleName().endsWith("Views")).orElse(false);
	}

	private static boolean isValidated(RecordComponent component) {
		return Stream
			.of(component.getAccessor().getAnnotations(), component.getAnnotatedType().getAnnotations(),
					component.getAnnotations())
			.flatMap(Stream::of)
			.map(Annotation::annotationType)
			.anyMatch((annotation) -> annotation.getPackageName().equals("jakarta.validation.constraints"));
	}

}
