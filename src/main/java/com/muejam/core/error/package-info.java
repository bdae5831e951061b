/**
 * The error envelope: error codes, the domain exception base type, and the handlers that
 * map every failure to it: in Spring MVC ({@code ApiExceptionHandler}), in the filters
 * before it ({@code DatabaseUnavailableFilter}: the database failing the sign-in) and on
 * the servlet container's error dispatch ({@code ApiErrorController}).
 */
@NullMarked
package com.muejam.core.error;

import org.jspecify.annotations.NullMarked;
