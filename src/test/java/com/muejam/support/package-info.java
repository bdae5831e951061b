/**
 * Test support: the integration-test base, the HTTP client, fixtures and statement
 * counting.
 *
 * <h2>Which kind of test for what</h2>
 * <ul>
 * <li><b>Plain unit tests and jqwik properties, no Spring</b> for rules that need no
 * database: construct the object and call it ({@code CursorCodecProperties},
 * {@code MarkdownSanitizingProperties}, {@code AnchorProperties},
 * {@code RateLimitWindowProperties}, {@code HandleRuleProperties},
 * {@code ReportRulesTests}). They run in milliseconds; prefer them whenever the rule can
 * be separated from its storage. A property that checks both a rule and what the database
 * does is split in two (for example {@code HandleRuleProperties} and
 * {@code HandleProperties}).</li>
 * <li><b>{@code @ApplicationModuleTest}</b> (Spring Modulith) where one module's reaction
 * to another module's events is under test: the module and the shared {@code core} are
 * bootstrapped on the real embedded PostgreSQL, the services of other modules it calls
 * are {@code @MockitoBean}s, and events are published and awaited with the
 * {@code Scenario} API ({@code notifications.NotificationTriggersModuleTests}). Each such
 * test class is one more application context (and one more embedded PostgreSQL, a few
 * seconds), so keep them few and give them the same configuration so Spring's context
 * cache shares them.</li>
 * <li><b>{@link com.muejam.support.IntegrationTest}</b> for the HTTP contract and the
 * flows users do: the whole application on a random port and the real embedded
 * PostgreSQL, called through {@link com.muejam.support.Api} (Spring's
 * {@code RestTestClient} on the JDK HTTP client; every {@code /v1} response is checked
 * against the served OpenAPI document). jqwik properties that need the database use the
 * same annotation and get the cached context through
 * {@link com.muejam.support.SpringContexts}. Do not add {@code @TestPropertySource},
 * {@code @MockitoBean} or {@code @DynamicPropertySource} to an integration test unless
 * the test is about that setting: each distinct configuration starts another
 * context.</li>
 * <li><b>{@link com.muejam.support.RawHttp}</b> for hostile input only: it writes bytes
 * on a socket that no HTTP client would send (malformed UTF-8, broken framing, oversized
 * headers).</li>
 * <li><b>Hand-started applications</b> ({@code SpringApplicationBuilder}) only where a
 * test needs several instances or a configuration that must fail to start
 * ({@code MultiInstanceTests}, {@code ReplicaDataSourceTests},
 * {@code ProductionGuardTests}).</li>
 * <li><b>{@link com.muejam.support.ScratchDatabase}</b>, a JUnit extension on an
 * integration test's field, for a migration that changes rows already stored: a database
 * of its own on the test server, migrated to the version before, given rows, then
 * migrated past it, and dropped after the test
 * ({@code StoryProgressMigrationTests}).</li>
 * </ul>
 */
@NullMarked
package com.muejam.support;

import org.jspecify.annotations.NullMarked;
