package com.muejam.core.ratelimit;

/**
 * The times of the operations one key was allowed in the last period: an operation at
 * {@code now} is allowed only while fewer than {@code capacity} were allowed in
 * {@code [now - period, now]}.
 * <p>
 * Why this holds in <em>any</em> window: suppose some window {@code [s, s + period]} held
 * {@code capacity + 1} allowed operations {@code t0 <= ... <= tC}. When {@code tC} was
 * decided, {@code t0 .. tC-1} were all at or after {@code s >= tC - period}, so the log
 * held {@code capacity} entries in {@code [tC - period, tC]} and {@code tC} was refused:
 * a contradiction. A token bucket cannot promise this while also allowing a full burst: a
 * bucket of C tokens refilled at C per period (greedily or at intervals) lets C through
 * at the end of one period and C more at the start of the next, up to 2C in one period.
 * The log is also exact the other way: it refuses only when {@code capacity} operations
 * were allowed in the period before.
 * <p>
 * Memory is one {@code long} per allowed operation still in the window (grown on demand,
 * at most {@code capacity}).
 */
final class SlidingWindowLog {

	private final int capacity;

	private final long period;

	private long[] times;

	private int head;

	private int size;

	/**
	 * @param capacity operations allowed per period
	 * @param period the period, in the clock's unit
	 */
	SlidingWindowLog(int capacity, long period) {
		this.capacity = capacity;
		this.period = period;
		this.times = new long[Math.min(capacity, 8)];
	}

	/**
	 * Decides one operation at {@code now} (a monotonic clock, same unit as the period).
	 * @param now the time of the operation
	 * @return the outcome, with times in the clock's unit
	 */
	synchronized Outcome tryAcquire(long now) {
		while (this.size > 0 && now - this.times[this.head] > this.period) {
			this.head = (this.head + 1) % this.times.length;
			this.size--;
		}
		if (this.size >= this.capacity) {
			long oldest = this.times[this.head];
			long newest = this.times[(this.head + this.size - 1) % this.times.length];
			return new Outcome(false, 0, newest + this.period + 1 - now, oldest + this.period + 1 - now);
		}
		if (this.size == this.times.length) {
			grow();
		}
		this.times[(this.head + this.size) % this.times.length] = now;
		this.size++;
		return new Outcome(true, this.capacity - this.size, this.period + 1, 0);
	}

	private void grow() {
		long[] larger = new long[Math.min(this.capacity, this.times.length * 2)];
		for (int i = 0; i < this.size; i++) {
			larger[i] = this.times[(this.head + i) % this.times.length];
		}
		this.times = larger;
		this.head = 0;
	}

	/**
	 * @param allowed whether the operation may proceed
	 * @param remaining operations still allowed now
	 * @param untilEmpty until the log holds nothing (every allowed operation has left the
	 * window)
	 * @param untilAllowed until the next operation would be allowed (0 when allowed)
	 */
	record Outcome(boolean allowed, long remaining, long untilEmpty, long untilAllowed) {
	}

}
