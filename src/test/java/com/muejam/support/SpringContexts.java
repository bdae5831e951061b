package com.muejam.support;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The Spring test context of a test class, for jqwik properties (which JUnit's Spring
 * extension does not serve). Contexts are cached and shared with the JUnit tests of the
 * same configuration.
 */
public final class SpringContexts {

	private SpringContexts() {
	}

	public static ApplicationContext of(Class<?> testClass) {
		return new TestContextManager(testClass).getTestContext().getApplicationContext();
	}

}
