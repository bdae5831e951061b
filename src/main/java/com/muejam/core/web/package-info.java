/**
 * Web infrastructure: request ids, body limits, malformed-request rejection, JSON
 * settings and the health endpoint.
 */
@NullMarked
package com.muejam.core.web;

import org.jspecify.annotations.NullMarked;
