package com.muejam.discovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * Authors' statistics over a range of UTC days, from the daily aggregates: two statements
 * for an author, three for a story, whatever the range or the readership. Only the author
 * sees them.
 */
@Service
class StatsService {

	/** The longest range, in days. */
	static final int MAX_DAYS = 366;

	/** The first day statistics can be asked for. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** The range when none is asked for: the last 30 days, today included. */
	static final int DEFAULT_DAYS = 30;

	private final StatsQueries queries;

	private final Clock clock;

	StatsService(StatsQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	StatsView author(CurrentUser author, @Nullable LocalDate from, @Nullable LocalDate to) {
		Range range = range(from, to);
		return StatsView.of(range.from(), range.to(), this.queries.authorDays(author.id(), range.from(), range.to()),
				null, true);
	}

	StatsView story(CurrentUser author, UUID storyId, @Nullable LocalDate from, @Nullable LocalDate to) {
		StatsQueries.Owner owner = this.queries.owner(storyId).orElseThrow(() -> ApiException.notFound("Story"));
		if (!owner.authorId().equals(author.id())) {
			// someone else's draft or hidden story does not exist for the caller
			if (!owner.visible()) {
				throw ApiException.notFound("Story");
			}
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the story's author sees its statistics");
		}
		Range range = range(from, to);
		return StatsView.of(range.from(), range.to(), this.queries.storyDays(storyId, range.from(), range.to()),
				this.queries.funnel(storyId), false);
	}

	private Range range(@Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		// days the platform can have statistics for (and the database can count)
		if (last.isAfter(today.plusDays(1))) {
			throw ApiException.invalidField("to", "must not be after tomorrow (UTC)");
		}
		if (first.isBefore(EARLIEST)) {
			throw ApiException.invalidField("from", "must not be before " + EARLIEST);
		}
		if (first.isAfter(last)) {
			throw ApiException.invalidField("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw ApiException.invalidField("from", "the range must be at most " + MAX_DAYS + " days");
		}
		return new Range(first, last);
	}

	private record Range(LocalDate from, LocalDate to) {
	}

}
