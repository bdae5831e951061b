package com.muejam.core.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's own parts, replaced where the API needs it: the handler lookup
 * ({@link PathFirstHandlerMapping}), and the message converters: JSON only.
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

	/**
	 * JSON only: no XML or YAML converter. The API reads and writes JSON, and its
	 * contract says so; what the class path brings for other libraries (the JAXB API,
	 * Jackson's XML and YAML formats) made Spring MVC register converters that wrote XML
	 * or YAML for an {@code Accept} header that asked for it, and that it asked about
	 * every response while choosing one: JAXB's answers by scanning the response's class
	 * and its supertypes for {@code @XmlRootElement}, 2.6% of a cached read's profile.
	 * @return the customizer
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer jsonOnly() {
		return (converters) -> converters
			.configureMessageConvertersList((list) -> list.removeIf(WebMvcConfiguration::writesXmlOrYaml));
	}

	static boolean writesXmlOrYaml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.map(MediaType::getSubtype)
			.anyMatch((subtype) -> subtype.endsWith("xml") || subtype.endsWith("yaml"));
	}

}
