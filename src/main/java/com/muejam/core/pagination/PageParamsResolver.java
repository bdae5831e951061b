package com.muejam.core.pagination;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.NumberUtils;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@link PageParams} from the {@code cursor} and {@code page_size} query parameters
 * and validates them, with the same errors as Spring's constructor binding of the record
 * gives: that binding parses the record's parameter annotations again on every request,
 * which was a sixth of the samples of an uncached page request in a JFR profile. The
 * validator runs only for parameters out of bounds ({@link PageParams#isWithinBounds}),
 * to give its errors.
 */
final class PageParamsResolver implements HandlerMethodArgumentResolver {

	private static final String OBJECT_NAME = "pageParams";

	private final Validator validator;

	PageParamsResolver(Validator validator) {
		this.validator = validator;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageParams.class;
	}

	@Override
	public PageParams resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory)
			throws MethodArgumentNotValidException {
		String size = request.getParameter("page_size");
		Integer pageSize = null;
		boolean malformed = false;
		if (size != null && !size.isBlank()) {
			try {
				pageSize = NumberUtils.parseNumber(size, Integer.class);
			}
			catch (IllegalArgumentException ex) {
				malformed = true;
			}
		}
		PageParams page = new PageParams(request.getParameter("cursor"), pageSize);
		DirectFieldBindingResult errors = new DirectFieldBindingResult(page, OBJECT_NAME);
		if (malformed) {
			errors.addError(new FieldError(OBJECT_NAME, "pageSize", size, true, new String[] { "typeMismatch" }, null,
					"has the wrong type or format"));
		}
		else if (!page.isWithinBounds()) {
			this.validator.validate(page, errors);
		}
		if (errors.hasErrors()) {
			throw new MethodArgumentNotValidException(parameter, errors);
		}
		return page;
	}

}
