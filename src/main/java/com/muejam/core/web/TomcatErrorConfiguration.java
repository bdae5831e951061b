package com.muejam.core.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Replaces Tomcat's HTML error report with {@link EnvelopeErrorReportValve}, so that
 * errors raised by the connector, before any filter runs, are the error envelope too, and
 * lets TRACE through to Spring MVC, which refuses it with the envelope.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports(WebProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins());
		return (factory) -> {
			// TRACE goes on to Spring MVC, where no handler takes it: a 405 envelope
			// instead of the connector's bodiless 405
			factory.addConnectorCustomizers((connector) -> connector.setAllowTrace(true));
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					// the host adds a valve of this class only when none is in its
					// pipeline
					// yet
					host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
					host.getPipeline().addValve(new EnvelopeErrorReportValve(cors));
				}
			});
		};
	}

}
