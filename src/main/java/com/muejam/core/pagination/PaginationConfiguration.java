package com.muejam.core.pagination;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import com.muejam.core.config.DataDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The cursor codec, keyed by {@code muejam.pagination.cursor-secret} or, when that is not
 * set, by a random secret kept in the local data folder.
 */
@Configuration(proxyBeanMethods = false)
class PaginationConfiguration {

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
