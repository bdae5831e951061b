package com.muejam.core.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ApiException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A suspended user may read but not write: every request that changes something answers
 * 403 until a moderator lifts the suspension. Their rights over their own data stay: they
 * may still export it, delete their account and restore it.
 */
@Component
class SuspendedWriters implements HandlerInterceptor, WebMvcConfigurer {

	/** What a user may do with their own data whatever their standing. */
	private static final Set<String> OWN_DATA = Set.of("POST /v1/me/export", "DELETE /v1/me",
			"POST " + DeactivatedAccounts.RESTORE);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		boolean write = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (write && authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.suspended() && !OWN_DATA.contains(method + " " + request.getRequestURI())) {
			throw ApiException.forbidden("Your account is suspended: you can read, but not post or change anything");
		}
		return true;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/v1/**");
	}

}
