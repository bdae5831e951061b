/**
 * Per-user storage quotas: the limits and the error that reports one reached.
 */
@NullMarked
package com.muejam.core.quota;

import org.jspecify.annotations.NullMarked;
