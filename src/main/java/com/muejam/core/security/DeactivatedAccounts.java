package com.muejam.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user who asked for their account to be deleted may, within the grace period, only
 * bring it back: every other request with their token answers 403
 * {@code ACCOUNT_DEACTIVATED}.
 */
@Component
class DeactivatedAccounts implements HandlerInterceptor, WebMvcConfigurer {

	static final String RESTORE = "/v1/me/restore";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.isDeactivated()
				&& !("POST".equals(request.getMethod()) && RESTORE.equals(request.getRequestURI()))) {
			throw new ApiException(ErrorCode.ACCOUNT_DEACTIVATED,
					"Your account is being deleted; POST /v1/me/restore brings it back within 30 days of the request");
		}
		return true;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/v1/**");
	}

}
