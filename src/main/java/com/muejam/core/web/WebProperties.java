package com.muejam.core.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings of the API.
 *
 * @param maxRequestBody largest request body accepted (413 beyond it)
 * @param corsAllowedOrigins browser origins allowed to call the API (the frontend's)
 */
@ConfigurationProperties("muejam.web")
public record WebProperties(@DefaultValue("2MB") DataSize maxRequestBody,
		@DefaultValue("http://localhost:3000") List<String> corsAllowedOrigins) {
}
