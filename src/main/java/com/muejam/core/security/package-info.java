/**
 * Authentication and authorization: bearer tokens read from the header
 * ({@code BearerTokens}), JWT validation (Clerk or the local issuer), the current user,
 * the firewall's header checks ({@code HeaderCharacters}), CORS and suspended writers.
 */
@NullMarked
package com.muejam.core.security;

import org.jspecify.annotations.NullMarked;
