package com.muejam.core.pagination;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The paging query parameters every list endpoint takes: {@code cursor} and
 * {@code page_size}. Take it as {@code PageParams page} on a controller method:
 * {@code PageParamsResolver} reads and validates it (the annotations here say what it
 * checks, and document the parameters in the API document). Leave {@code @Valid} off: on
 * a method with other constraints, Spring's method validation would validate it a second
 * time.
 *
 * @param cursor the {@code next_cursor} of the previous page, absent for the first page
 * @param pageSize items per page, 1-100 (default 20)
 */
@ParameterObject
public record PageParams(
		@Parameter(name = "cursor",
				description = "The `next_cursor` of the previous page; leave out for the first page") @Nullable @Size(
						max = MAX_CURSOR_LENGTH) String cursor,
		@Parameter(name = "page_size", description = "Items per page", schema = @Schema(type = "integer", minimum = "1",
				maximum = "100",
				defaultValue = "20")) @BindParam("page_size") @Nullable @Min(1) @Max(MAX_PAGE_SIZE) Integer pageSize) {

	public static final int DEFAULT_PAGE_SIZE = 20;

	public static final int MAX_PAGE_SIZE = 100;

	/** The longest cursor taken; the codec's own are far shorter. */
	public static final int MAX_CURSOR_LENGTH = 512;

	public PageParams {
		if (pageSize == null) {
			pageSize = DEFAULT_PAGE_SIZE;
		}
	}

	/**
	 * Whether these parameters meet the constraints their annotations declare, checked
	 * without a validator: most requests do, and only the others need the validator's
	 * errors.
	 * @return {@code true} if no constraint is broken
	 */
	boolean isWithinBounds() {
		return (this.cursor == null || this.cursor.length() <= MAX_CURSOR_LENGTH) && this.pageSize >= 1
				&& this.pageSize <= MAX_PAGE_SIZE;
	}

	public static PageParams first(int pageSize) {
		return new PageParams(null, pageSize);
	}

	public int size() {
		return this.pageSize;
	}

	/**
	 * How many rows a query should fetch: one more than the page, to learn whether
	 * another page follows.
	 * @return the page size plus one
	 */
	public int fetchSize() {
		return this.pageSize + 1;
	}

}
