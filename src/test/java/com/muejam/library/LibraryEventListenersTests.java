package com.muejam.library;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaMethod;
import org.junit.jupiter.api.Test;

import com.muejam.support.ProductionClasses;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shelf add and a progress save are one statement without a transaction, and publish
 * their events after it committed. A transactional listener of those events (an
 * {@code @ApplicationModuleListener} is one) runs only with {@code fallbackExecution}:
 * without it Spring skips it, silently, whenever no transaction is active.
 */
class LibraryEventListenersTests {

	private static final Set<Class<?>> PUBLISHED_WITHOUT_A_TRANSACTION = Set.of(StorySaved.class, ChapterRead.class,
			ChapterCompleted.class);

	@Test
	void everyTransactionalListenerOfAWriteWithoutATransactionFallsBackToRunningAtOnce() {
		List<JavaMethod> listeners = ProductionClasses.all()
			.stream()
			.flatMap((type) -> type.getMethods().stream())
			.filter((method) -> method.getRawParameterTypes().size() == 1
					&& PUBLISHED_WITHOUT_A_TRANSACTION.contains(method.getRawParameterTypes().get(0).reflect()))
			.filter((method) -> AnnotatedElementUtils.hasAnnotation(method.reflect(), TransactionalEventListener.class))
			.toList();
		// discovery's For You eviction on a save is one
		assertThat(listeners).isNotEmpty();
		assertThat(listeners).allSatisfy((method) -> assertThat(
				AnnotatedElementUtils.findMergedAnnotation(method.reflect(), TransactionalEventListener.class)
					.fallbackExecution())
			.as(method.getFullName())
			.isTrue());
	}

}
