package com.muejam.moderation;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

/**
 * A decision on a report that already has one: 409.
 */
class ReportAlreadyResolved extends ApiException {

	ReportAlreadyResolved() {
		super(ErrorCode.CONFLICT, "This report is already resolved");
	}

}
