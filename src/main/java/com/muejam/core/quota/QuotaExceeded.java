package com.muejam.core.quota;

import java.util.Map;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

/**
 * A write refused because the user reached one of their {@link Quotas}: 409
 * {@code QUOTA_EXCEEDED}, with {@code details} naming the quota and its limit.
 */
public class QuotaExceeded extends ApiException {

	/**
	 * @param quota the quota's name, e.g. {@code highlights_per_chapter}
	 * @param limit its limit
	 * @param what what the limit counts, for the message, e.g. "highlights in this
	 * chapter"
	 */
	public QuotaExceeded(String quota, int limit, String what) {
		super(ErrorCode.QUOTA_EXCEEDED, "You have reached the limit of " + limit + " " + what,
				Map.of("quota", quota, "limit", limit));
	}

}
