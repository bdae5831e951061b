package com.muejam.users;

import java.util.Map;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

/**
 * The requested handle belongs to someone else (compared ignoring case).
 */
class HandleTaken extends ApiException {

	HandleTaken(String handle) {
		super(ErrorCode.HANDLE_TAKEN, "The handle '" + handle + "' is taken", Map.of("handle", "is taken"));
	}

}
