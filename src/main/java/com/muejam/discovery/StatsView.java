package com.muejam.discovery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An author's statistics over a range of UTC days, as the API shows them. No count below
 * {@value #THRESHOLD} is shown as a number: a day with one or two readers could identify
 * them, so such counts are {@code "<3"}. Nothing says who read.
 *
 * @param from the first day
 * @param to the last day
 * @param days each day of the range
 * @param totals the range's sums
 * @param funnel for a story, the distinct readers each published chapter ever had;
 * {@code null} for an author's statistics
 */
@Schema(name = "AuthorStats")
record StatsView(LocalDate from, LocalDate to, List<DayView> days, Counts totals,
		@Schema(description = "For a story: the distinct readers each published chapter ever had, in order "
				+ "(where readers stop)") @Nullable List<FunnelView> funnel) {

	/** The smallest count shown as a number (other than zero). */
	static final int THRESHOLD = 3;

	/** What a count below the threshold reads. */
	static final String BELOW_THRESHOLD = "<3";

	static StatsView of(LocalDate from, LocalDate to, List<StatsQueries.Day> days,
			@Nullable List<StatsQueries.FunnelStep> funnel, boolean followers) {
		int[] sums = new int[7];
		List<DayView> dayViews = days.stream().map((day) -> {
			int[] values = { day.reads(), day.readers(), day.completions(), day.saves(), day.likes(), day.whispers(),
					day.newFollowers() };
			for (int i = 0; i < values.length; i++) {
				sums[i] += values[i];
			}
			return new DayView(day.date(), Counts.of(values, followers));
		}).toList();
		List<FunnelView> funnelViews = (funnel != null) ? funnel.stream()
			.map((step) -> new FunnelView(step.chapterId(), step.number(), step.title(), shown(step.readers())))
			.toList() : null;
		return new StatsView(from, to, dayViews, Counts.of(sums, followers), funnelViews);
	}

	/**
	 * A count as shown: zero, a number from {@value #THRESHOLD}, or {@code "<3"}.
	 * @param count the count
	 * @return what the API shows
	 */
	static Object shown(int count) {
		return (count == 0 || count >= THRESHOLD) ? count : BELOW_THRESHOLD;
	}

	/**
	 * @param date the day
	 * @param counts its counts
	 */
	@Schema(name = "StatsDay")
	record DayView(LocalDate date, Counts counts) {
	}

	/**
	 * Counts: a number, or {@code "<3"}.
	 *
	 * @param reads chapter reads (each reader counts once per chapter and day)
	 * @param uniqueReaders distinct readers (per story and day; summed over stories for
	 * an author)
	 * @param completions readers who read a chapter to its end (90%), per story and day
	 * @param saves saves to shelves
	 * @param likes likes of whispers about the story
	 * @param whispers whispers about the story
	 * @param newFollowers new followers (author statistics; {@code null} for a story's)
	 */
	@Schema(name = "StatsCounts")
	record Counts(@Schema(anyOf = {
			Integer.class, String.class }, example = "42") Object reads,
			@Schema(anyOf = { Integer.class, String.class }, example = "12") Object uniqueReaders,
			@Schema(anyOf = { Integer.class, String.class }, example = "<3") Object completions,
			@Schema(anyOf = { Integer.class, String.class }, example = "5") Object saves,
			@Schema(anyOf = { Integer.class, String.class }, example = "0") Object likes,
			@Schema(anyOf = { Integer.class, String.class }, example = "0") Object whispers,
			@Schema(anyOf = { Integer.class, String.class }, example = "3") @Nullable Object newFollowers){

		static Counts of(int[] values, boolean followers) {
			return new Counts(shown(values[0]), shown(values[1]), shown(values[2]), shown(values[3]), shown(values[4]),
					shown(values[5]), followers ? shown(values[6]) : null);
		}

	}

	/**
	 * @param chapterId the chapter
	 * @param chapterNumber its number
	 * @param title its title
	 * @param readers the distinct readers it ever had
	 */
	@Schema(name = "StatsFunnelStep")
	record FunnelView(UUID chapterId, int chapterNumber, String title, @Schema(anyOf = {
			Integer.class, String.class }, example = "120") Object readers){
	}

}
