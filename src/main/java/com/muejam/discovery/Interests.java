package com.muejam.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A reader's interests as the For You ranking binds them: tags and authors apart, each as
 * parallel arrays of ids and scores, strongest first.
 *
 * @param tags the tag interests
 * @param authors the author interests
 */
record Interests(Scores tags, Scores authors) {

	int size() {
		return this.tags.ids().length + this.authors.ids().length;
	}

	/**
	 * @param ids the tag or author ids, strongest first
	 * @param scores their scores, index for index
	 */
	record Scores(UUID[] ids, Double[] scores) {

		/**
		 * @param count how many
		 * @return the strongest {@code count} ids
		 */
		UUID[] top(int count) {
			return Arrays.copyOf(this.ids, Math.min(count, this.ids.length));
		}

	}

	static final class Builder {

		private final List<UUID> ids = new ArrayList<>();

		private final List<Double> scores = new ArrayList<>();

		void add(UUID id, double score) {
			this.ids.add(id);
			this.scores.add(score);
		}

		Scores build() {
			return new Scores(this.ids.toArray(UUID[]::new), this.scores.toArray(Double[]::new));
		}

	}

}
