/**
 * Safe retries of creating {@code POST}s: the {@code Idempotency-Key} request header
 * (IETF httpapi draft), its keys and first responses stored in PostgreSQL for every
 * instance.
 */
@NullMarked
package com.muejam.core.idempotency;

import org.jspecify.annotations.NullMarked;
