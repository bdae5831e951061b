package com.muejam.core.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import com.muejam.core.error.ErrorResponseWriter;
import com.muejam.core.web.RequestIds;
import com.muejam.core.web.WebProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Stateless bearer-token security. Public reads are open (a token, when sent, must be
 * valid and personalizes them); everything else needs a token. Fine-grained rules
 * (ownership, roles) are checked in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Reads that work without a token. */
	static final String[] PUBLIC_GETS = { "/v1/health", "/v1/stories", "/v1/stories/*", "/v1/stories/*/chapters",
			"/v1/chapters/*", "/v1/whispers", "/v1/whispers/*", "/v1/whispers/*/replies", "/v1/search",
			"/v1/search/suggest", "/v1/users/*", "/v1/users/*/followers", "/v1/users/*/following", "/v1/discover",
			"/v1/tags",
			// authenticated by the endpoint itself: a bearer token or a single-use
			// ticket, a signed token
			"/v1/notifications/stream", "/v1/email/unsubscribe", "/v1/objects/**" };

	/** Operational and documentation endpoints. */
	static final String[] OPEN = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			"/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info" };

	/**
	 * Endpoints authenticated by other means (signatures, single-use tickets) or local
	 * only.
	 */
	static final String[] SELF_AUTHENTICATED_POSTS = { "/v1/dev/tokens", "/v1/webhooks/clerk",
			"/v1/email/unsubscribe" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ErrorResponseWriter errors, WebProperties properties,
			Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter) throws Exception {
		ErrorEnvelopeSecurityHandlers handlers = new ErrorEnvelopeSecurityHandlers(errors);
		CorsFilter cors = new CorsFilter(corsConfigurationSource(properties));
		cors.setCorsProcessor(new EnvelopeCorsProcessor(errors));
		http.csrf((csrf) -> csrf.disable())
			.cors((configurer) -> configurer.disable())
			.addFilter(cors)
			.addFilterBefore(new FirewalledHeadersFilter(), CorsFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			// nothing asks the request for its principal or roles: one wrapper fewer on
			// every request
			.servletApi((servletApi) -> servletApi.disable())
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.GET, PUBLIC_GETS)
				.permitAll()
				// a HEAD is a GET without its body
				.requestMatchers(HttpMethod.HEAD, PUBLIC_GETS)
				.permitAll()
				.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(HttpMethod.POST, SELF_AUTHENTICATED_POSTS)
				.permitAll()
				// local storage uploads are authorized by their presigned signature
				.requestMatchers(HttpMethod.PUT, "/v1/objects/**")
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(new BearerTokens())
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(authenticationConverter))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
		return http.build();
	}

	/**
	 * Spring MVC checks CORS again per handler: its refusals are the envelope too.
	 * @param errors writes the envelope
	 * @return the post-processor that sets the CORS processor of every handler mapping
	 */
	@Bean
	static BeanPostProcessor envelopeCorsForHandlerMappings(ObjectProvider<ErrorResponseWriter> errors) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractHandlerMapping mapping) {
					mapping.setCorsProcessor(new EnvelopeCorsProcessor(errors.getObject()));
				}
				return bean;
			}

		};
	}

	/**
	 * No Spring Security observations. Turning them off by name
	 * ({@code management.observations.enable.spring.security}) only drops what they
	 * record: the chain still wrapped each of its filters, the authentication and the
	 * authorization in an observation, a twentieth of a signed-in page's CPU.
	 * {@code http.server.requests} times each request whole.
	 * @return the settings
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	HttpFirewall httpFirewall() {
		return HeaderCharacters.firewall();
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(ErrorResponseWriter errors) {
		return new RejectedRequests(errors);
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(WebProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", RequestIds.HEADER, "Last-Event-ID",
				"Idempotency-Key", "traceparent", "tracestate", "baggage", "sentry-trace"));
		cors.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After", "RateLimit", "RateLimit-Policy", "Location",
				"WWW-Authenticate", "Idempotent-Replayed"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/v1/**", cors);
		return source;
	}

}
