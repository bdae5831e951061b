package com.muejam.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeTry;

import com.muejam.core.security.CurrentUser;
import com.muejam.stories.StoryTestSupport;
import com.muejam.support.CleanState;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Seed property 19 (daily interest decay) and trending's monotonicity in engagement,
 * against the real database and the real set-based jobs.
 */
@IntegrationTest
class RankingProperties {

	private final ApplicationContext context = SpringContexts.of(RankingProperties.class);

	private final DiscoveryJobs jobs = this.context.getBean(DiscoveryJobs.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	@BeforeTry
	void clean() {
		CleanState.clean(this.context);
	}

	/**
	 * Property 19: after the daily decay every score is {@code S * 0.98}, and running the
	 * job again the same day changes nothing.
	 */
	@Property(tries = 30)
	void dailyDecayMultipliesEveryScoreOnce(
			@ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0.0, max = 1000.0) Double> scores) {
		CurrentUser user = this.profiles.signIn("user_decay_" + UUID.randomUUID(), null, null, Set.of());
		List<UUID> tags = new ArrayList<>();
		for (int i = 0; i < scores.size(); i++) {
			UUID tag = this.jdbc.sql("insert into tags (name, slug) values (:n, :n) returning id")
				.param("n", "t" + i + "-" + UUID.randomUUID().toString().substring(0, 8))
				.query(UUID.class)
				.single();
			this.jdbc.sql("insert into user_interests (user_id, tag_id, score) values (:u, :t, :s)")
				.param("u", user.id())
				.param("t", tag)
				.param("s", scores.get(i))
				.update();
			tags.add(tag);
		}
		this.jobs.decayInterests();
		this.jobs.decayInterests();
		for (int i = 0; i < scores.size(); i++) {
			double after = this.jdbc.sql("select score from user_interests where user_id = :u and tag_id = :t")
				.param("u", user.id())
				.param("t", tags.get(i))
				.query(Double.class)
				.single();
			assertThat(after).isCloseTo(scores.get(i) * 0.98, within(1e-9));
		}
	}

	/**
	 * A story with at least the engagement of another, of every kind and at the same
	 * ages, never ranks below it; with strictly more it ranks above.
	 */
	@Property(tries = 25)
	void trendingIsMonotonicInEngagement(@ForAll @IntRange(min = 0, max = 4) int saves,
			@ForAll @IntRange(min = 0, max = 4) int reads, @ForAll @IntRange(min = 0, max = 4) int likes,
			@ForAll @IntRange(min = 0, max = 4) int whispers, @ForAll @IntRange(min = 1, max = 3) int extra,
			@ForAll @IntRange(min = 0, max = 3) int extraKind, @ForAll @IntRange(min = 0, max = 23) int hoursAgo) {
		CurrentUser author = this.profiles.signIn("user_trend_" + UUID.randomUUID(), null, null, Set.of());
		UUID less = StoryTestSupport.publishedStory(this.context, author);
		UUID more = StoryTestSupport.publishedStory(this.context, author);
		int[] base = { saves, reads, likes, whispers };
		String[] kinds = { "SAVE", "READ", "LIKE", "WHISPER" };
		for (int k = 0; k < kinds.length; k++) {
			engage(less, kinds[k], base[k], hoursAgo);
			engage(more, kinds[k], base[k] + ((k == extraKind) ? extra : 0), hoursAgo);
		}
		this.jobs.recomputeTrending();
		double lessScore = score(less);
		double moreScore = score(more);
		assertThat(moreScore).isGreaterThan(lessScore);
	}

	private void engage(UUID story, String kind, int times, int hoursAgo) {
		for (int i = 0; i < times; i++) {
			this.jdbc.sql(
					"insert into story_engagements (story_id, kind, created_at) values (:s, :k, now() - make_interval(hours => :h))")
				.param("s", story)
				.param("k", kind)
				.param("h", hoursAgo)
				.update();
		}
	}

	private double score(UUID story) {
		return this.jdbc.sql("select coalesce((select score from story_trending where story_id = :s), 0)")
			.param("s", story)
			.query(Double.class)
			.single();
	}

}
