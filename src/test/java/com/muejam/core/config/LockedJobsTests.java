package com.muejam.core.config;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import com.muejam.support.ProductionClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * ShedLock runs a job only on the instance that gets its lock and returns {@code null} on
 * the others, so it refuses, at the first run, to lock a method returning a primitive:
 * the job would never run. A job returns nothing or an object.
 */
class LockedJobsTests {

	@Test
	void lockedJobsReturnNothingOrAnObject() {
		methods().that()
			.areAnnotatedWith(SchedulerLock.class)
			.should(new ArchCondition<JavaMethod>("return void or an object, never a primitive") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					Class<?> type = method.getRawReturnType().reflect();
					boolean primitive = type.isPrimitive() && type != void.class;
					events.add(new SimpleConditionEvent(method, !primitive,
							method.getFullName() + " returns " + type.getName()));
				}
			})
			.check(ProductionClasses.all());
	}

}
