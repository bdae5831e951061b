package com.muejam.discovery;

import java.util.function.ToDoubleFunction;

/**
 * A reader's action on a story, with its weight for the reader's interests (the seed's
 * personalization weights) and for the story's trending score (the seed's engagement
 * weights).
 */
enum Signal {

	SAVE(3.0, 3.0), READ(1.0, 1.0), COMPLETE_READ(2.5, 0.0), LIKE(1.5, 2.0), WHISPER(0.0, 2.5), FOLLOW(4.0, 0.0);

	private final double interestWeight;

	private final double trendingWeight;

	Signal(double interestWeight, double trendingWeight) {
		this.interestWeight = interestWeight;
		this.trendingWeight = trendingWeight;
	}

	double interestWeight() {
		return this.interestWeight;
	}

	double trendingWeight() {
		return this.trendingWeight;
	}

	/**
	 * The trending weight of each signal as a SQL {@code case} over
	 * {@code story_engagements.kind}.
	 * @return the expression
	 */
	static String trendingWeightSql() {
		return weightSql("e.kind", Signal::trendingWeight);
	}

	/**
	 * The interest weight of each signal as a SQL {@code case} over a column that holds
	 * its name.
	 * @param kind the column
	 * @return the expression
	 */
	static String interestWeightSql(String kind) {
		return weightSql(kind, Signal::interestWeight);
	}

	private static String weightSql(String kind, ToDoubleFunction<Signal> weight) {
		StringBuilder sql = new StringBuilder("case ").append(kind);
		for (Signal signal : values()) {
			sql.append(" when '").append(signal.name()).append("' then ").append(weight.applyAsDouble(signal));
		}
		return sql.append(" else 0 end").toString();
	}

}
