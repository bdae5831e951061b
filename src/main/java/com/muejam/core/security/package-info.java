/**
 * Authentication and authorization: JWT validation (Clerk or the local issuer), the
 * current user, CORS and suspended writers.
 */
@NullMarked
package com.muejam.core.security;

import org.jspecify.annotations.NullMarked;
