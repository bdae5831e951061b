package com.muejam.core.security;

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
 * 403 until a moderator lifts the suspension.
 */
@Component
class SuspendedWriters implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		boolean write = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (write && authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.suspended()) {
			throw ApiException.forbidden("Your account is suspended: you can read, but not post or change anything");
		}
		return true;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/v1/**");
	}

}
