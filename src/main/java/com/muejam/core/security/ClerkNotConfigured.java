package com.muejam.core.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no Clerk JWKS endpoint is configured, so the local issuer is the
 * authority.
 */
class ClerkNotConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("muejam.auth.clerk.jwks-uri"));
	}

}
