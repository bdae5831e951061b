package com.muejam.core.pagination;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.muejam.core.config.DataDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The cursor codec, keyed by {@code muejam.pagination.cursor-secret} or, when that is not
 * set, by a random secret kept in the local data folder; and the reading of
 * {@link PageParams} from query parameters.
 */
@Configuration(proxyBeanMethods = false)
class PaginationConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<jakarta.validation.Validator> validator;

	PaginationConfiguration(ObjectProvider<jakarta.validation.Validator> validator) {
		this.validator = validator;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageParamsResolver(new SpringValidatorAdapter(this.validator.getObject())));
	}

	@Bean
	CursorCodec cursorCodec(@Value("${muejam.pagination.cursor-secret:}") String configured, DataDirectory data) {
		String secret = StringUtils.hasText(configured) ? configured
				: data.secret("cursor-secret", PaginationConfiguration::randomSecret).trim();
		return new CursorCodec(secret.getBytes(StandardCharsets.UTF_8));
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
