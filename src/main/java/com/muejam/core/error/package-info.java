/**
 * The error envelope: error codes, the domain exception base type, and the handlers that
 * map every failure to it.
 */
@NullMarked
package com.muejam.core.error;

import org.jspecify.annotations.NullMarked;
