package com.muejam.core.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an operation that answers {@code 201 Created} with the new resource (what the
 * handler returns), as the handler's {@code ResponseEntity} does at run time.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Created {

	/**
	 * Whether the response carries a {@code Location} header with the new resource's URL.
	 * @return {@code true} when it does
	 */
	boolean location() default true;

	/**
	 * Whether a repeat of the request answers {@code 200} with the existing resource
	 * (idempotent creates such as shelf adds and reports).
	 * @return {@code true} when a repeat answers 200
	 */
	boolean repeatAnswersOk() default false;

}
