package com.muejam.discovery;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import com.muejam.core.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Statistics", description = "Authors' statistics: reads, readers, saves and where readers stop")
@RestController
class StatsController {

	private static final String RANGE = """
			UTC days, `from` and `to` included, at most 366; the last 30 days by default. Counts of 1 or 2 \
			read `"<3"`: a day with so few readers could identify them. Nothing says who read.""";

	private final StatsService stats;

	StatsController(StatsService stats) {
		this.stats = stats;
	}

	@Operation(summary = "The caller's statistics as an author",
			description = "Per day and in total over all their stories, with new followers. " + RANGE)
	@GetMapping("/v1/me/stats")
	StatsView authorStats(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "First day (YYYY-MM-DD)") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "Last day (YYYY-MM-DD), today by default") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.stats.author(user, from, to);
	}

	@Operation(summary = "A story's statistics, for its author",
			description = "Per day and in total, and the chapter funnel: the distinct readers each published "
					+ "chapter ever had. Only the author: 403 for someone else's story, 404 for someone else's draft. "
					+ RANGE)
	@GetMapping("/v1/me/stories/{id}/stats")
	StatsView storyStats(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Parameter(description = "First day (YYYY-MM-DD)") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "Last day (YYYY-MM-DD), today by default") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.stats.story(user, id, from, to);
	}

}
