/**
 * Web infrastructure: request ids, load shedding past the concurrency limit, body limits,
 * malformed-request rejection, JSON settings and the health endpoint.
 */
@NullMarked
package com.muejam.core.web;

import org.jspecify.annotations.NullMarked;
