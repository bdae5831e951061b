package com.muejam.core.cache;

/**
 * A cached value whose size varies by orders of magnitude (a chapter's text): the
 * in-process cache holding it is bounded by the sum of its values' weights
 * ({@code muejam.cache.max-bytes}), not by their number.
 */
public interface Weighed {

	/**
	 * What this value holds in memory, roughly.
	 * @return its weight in bytes, at least 1
	 */
	int weight();

}
