package com.muejam.core.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.security.CurrentUser;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every API request: per user when authenticated ({@code requests-user}), per
 * client IP otherwise ({@code requests-anonymous}). The client IP is the connection's
 * peer, or the {@code X-Forwarded-For} client when the peer is a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
class RequestRateLimitInterceptor implements HandlerInterceptor {

	static final String USER_POLICY = "requests-user";

	static final String ANONYMOUS_POLICY = "requests-anonymous";

	private final RateLimiter limiter;

	RequestRateLimitInterceptor(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		RateLimitDecision decision = (authentication != null
				&& authentication.getPrincipal() instanceof CurrentUser user)
						? this.limiter.consume(USER_POLICY, user.id().toString())
						: this.limiter.consume(ANONYMOUS_POLICY, request.getRemoteAddr());
		if (!decision.allowed()) {
			throw new RateLimitExceeded(decision);
		}
		HttpHeaders headers = new HttpHeaders();
		decision.writeTo(headers);
		headers.forEach((name, values) -> response.setHeader(name, values.getFirst()));
		return true;
	}

}
