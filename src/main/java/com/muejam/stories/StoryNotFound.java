package com.muejam.stories;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

/**
 * No story or chapter the caller may see: unknown, a draft of someone else, deleted or
 * hidden.
 */
class StoryNotFound extends ApiException {

	StoryNotFound(String what) {
		super(ErrorCode.NOT_FOUND, what + " not found");
	}

}
