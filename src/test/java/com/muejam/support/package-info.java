/**
 * Test support: the integration-test base, HTTP clients, fixtures and statement counting.
 */
@NullMarked
package com.muejam.support;

import org.jspecify.annotations.NullMarked;
