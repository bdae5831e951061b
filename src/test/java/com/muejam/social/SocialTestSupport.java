package com.muejam.social;

import java.util.UUID;

import com.muejam.core.security.CurrentUser;

import org.springframework.context.ApplicationContext;

/**
 * Social actions through the service, for property tests of other modules.
 */
public final class SocialTestSupport {

	private SocialTestSupport() {
	}

	public static void block(ApplicationContext context, CurrentUser blocker, UUID blockedId) {
		context.getBean(SocialService.class).block(blocker, blockedId);
	}

}
