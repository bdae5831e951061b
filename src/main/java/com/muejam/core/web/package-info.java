/**
 * Web infrastructure: request ids, load shedding past the concurrency limit, body limits,
 * malformed-request rejection, JSON settings, the health endpoint, and what Spring MVC
 * does around every request: the handler lookup by path first, and shared views (stories
 * and chapters from the in-process cache) written as JSON once.
 */
@NullMarked
package com.muejam.core.web;

import org.jspecify.annotations.NullMarked;
