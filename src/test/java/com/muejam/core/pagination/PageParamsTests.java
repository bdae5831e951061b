package com.muejam.core.pagination;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds {@code PageParamsResolver} checks without a validator are the ones the
 * annotations declare: the validator finds nothing wrong exactly when they hold.
 */
class PageParamsTests {

	private static ValidatorFactory validators;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		validators = Validation.buildDefaultValidatorFactory();
		validator = validators.getValidator();
	}

	@AfterAll
	static void close() {
		validators.close();
	}

	static List<PageParams> paramsAroundTheBounds() {
		List<String> cursors = Arrays.asList(null, "", "a", "a".repeat(PageParams.MAX_CURSOR_LENGTH),
				"a".repeat(PageParams.MAX_CURSOR_LENGTH + 1), "a".repeat(4096));
		List<Integer> sizes = Arrays.asList(null, Integer.MIN_VALUE, -1, 0, 1, 20, PageParams.MAX_PAGE_SIZE,
				PageParams.MAX_PAGE_SIZE + 1, Integer.MAX_VALUE);
		return cursors.stream()
			.flatMap((cursor) -> sizes.stream().map((size) -> new PageParams(cursor, size)))
			.toList();
	}

	@ParameterizedTest
	@MethodSource("paramsAroundTheBounds")
	void theBoundsHoldExactlyWhenTheValidatorFindsNothingWrong(PageParams params) {
		assertThat(params.isWithinBounds()).isEqualTo(validator.validate(params).isEmpty());
	}

}
