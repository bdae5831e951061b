package com.muejam.core.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's own parts, replaced where the API needs it: the handler lookup
 * ({@link PathFirstHandlerMapping}).
 */
@Configuration(proxyBeanMethods = false)
class WebMvcConfiguration {

	@Bean
	WebMvcRegistrations pathFirstHandlerMapping() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}

		};
	}

}
