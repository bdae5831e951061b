package com.muejam.discovery;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled ranking work, each job one set-based statement (no per-story round
 * trips), run on one instance per schedule (ShedLock), and safe to run again.
 */
@Component
class DiscoveryJobs {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryJobs.class);

	private final JobQueries queries;

	private final DiscoveryProperties properties;

	private final TrendingRanking trending;

	private final ObservationRegistry observations;

	DiscoveryJobs(JobQueries queries, DiscoveryProperties properties, TrendingRanking trending,
			ObservationRegistry observations) {
		this.queries = queries;
		this.properties = properties;
		this.trending = trending;
		this.observations = observations;
	}

	/**
	 * Recomputes every trending score from the last 24 hours of engagements, each
	 * weighted by its kind and decayed by its real age ({@code hourly-decay ^ hours}).
	 * Engagements of users suspended since, or of the story's own author, count nothing.
	 * Stories without engagement in the window drop out. Running it twice gives the same
	 * scores.
	 * @return how many stories have a trending score, or {@code null} when another
	 * instance holds the lock (the return type is an object: ShedLock cannot lock a
	 * method returning a primitive)
	 */
	@Scheduled(fixedDelayString = "${muejam.discovery.trending-interval:30m}",
			initialDelayString = "${muejam.discovery.trending-initial-delay:10s}")
	@SchedulerLock(name = "trending-scores", lockAtMostFor = "10m", lockAtLeastFor = "1m")
	@Transactional
	public @Nullable Integer recomputeTrending() {
		return job("trending-scores").observe(this::recomputeTrendingScores);
	}

	private int recomputeTrendingScores() {
		long started = System.nanoTime();
		int scored = this.queries.scoreTrending(this.properties.hourlyDecay());
		this.queries.deleteStaleTrending();
		this.queries.deleteOldEngagements();
		this.trending.forget();
		log.info("Recomputed trending scores of {} stories in {} ms", scored,
				(System.nanoTime() - started) / 1_000_000);
		return scored;
	}

	/**
	 * Decays every interest score once a day ({@code x0.98}); a second run the same day
	 * changes nothing.
	 * @return how many interests decayed, or {@code null} when another instance holds the
	 * lock
	 */
	@Scheduled(cron = "${muejam.discovery.decay-cron:0 0 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "interest-decay", lockAtMostFor = "30m")
	@Transactional
	public @Nullable Integer decayInterests() {
		return job("interest-decay").observe(this::decayInterestScores);
	}

	private int decayInterestScores() {
		return this.queries.decayInterestsOncePerDay(this.properties.interestDecay());
	}

	/**
	 * A run of a job, timed as {@code muejam.job} (tagged by job); only runs that took
	 * the lock are recorded.
	 */
	private Observation job(String name) {
		return Observation.createNotStarted("muejam.job", this.observations).lowCardinalityKeyValue("job", name);
	}

}
