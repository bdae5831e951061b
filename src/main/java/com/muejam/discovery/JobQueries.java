package com.muejam.discovery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind the scheduled jobs, each set-based: trending scores from recent
 * engagements, the clean-up after them, and the once-a-day interest decay.
 */
@Component
class JobQueries {

	private final JdbcClient jdbc;

	JobQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Scores every story engaged with in the last 24 hours: each engagement weighted by
	 * its kind and decayed by its age, none counting from suspended users or the story's
	 * own author.
	 * @param hourlyDecay the decay per hour of age
	 * @return how many stories were scored
	 */
	int scoreTrending(double hourlyDecay) {
		return this.jdbc
			.sql("""
					with computed as (
					    select e.story_id, sum((%1$s) * power(:decay, cast(extract(epoch from (now() - e.created_at)) as float8) / 3600.0)) as score
					    from story_engagements e
					    where e.created_at > now() - interval '24 hours'
					      and not exists (select 1 from user_profiles p where p.id = e.user_id and p.suspended_at is not null)
					      and not exists (select 1 from stories s where s.id = e.story_id and s.author_id = e.user_id)
					    group by e.story_id having sum(%1$s) > 0)
					insert into story_trending (story_id, score, computed_at)
					select story_id, score, now() from computed
					on conflict (story_id) do update set score = excluded.score, computed_at = excluded.computed_at"""
				.formatted(Signal.trendingWeightSql()))
			.param("decay", hourlyDecay)
			.update();
	}

	/**
	 * Drops the trending scores not recomputed in this transaction.
	 */
	void deleteStaleTrending() {
		this.jdbc.sql("delete from story_trending where computed_at < now()").update();
	}

	/**
	 * Drops the engagements too old to count any more.
	 */
	void deleteOldEngagements() {
		this.jdbc.sql("delete from story_engagements where created_at < now() - interval '48 hours'").update();
	}

	/**
	 * Multiplies every interest score by a factor, once per UTC day: a second call the
	 * same day changes nothing.
	 * @param factor the decay factor
	 * @return how many interests decayed
	 */
	int decayInterestsOncePerDay(double factor) {
		return this.jdbc.sql("""
				with run as (
				    insert into job_runs (name, last_run_on) values ('interest-decay', current_date)
				    on conflict (name) do update set last_run_on = excluded.last_run_on
				    where job_runs.last_run_on < excluded.last_run_on
				    returning 1)
				update user_interests set score = score * :factor, updated_at = now()
				where exists (select 1 from run)""").param("factor", factor).update();
	}

}
