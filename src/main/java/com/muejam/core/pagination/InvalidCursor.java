package com.muejam.core.pagination;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

/**
 * A cursor that was tampered with, belongs to another list, or is not a cursor at all.
 */
public class InvalidCursor extends ApiException {

	public InvalidCursor() {
		super(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list");
	}

}
