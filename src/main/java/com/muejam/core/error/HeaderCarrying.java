package com.muejam.core.error;

import org.springframework.http.HttpHeaders;

/**
 * An {@link ApiException} whose response needs extra headers, such as
 * {@code Retry-After}.
 */
public interface HeaderCarrying {

	HttpHeaders headers();

}
