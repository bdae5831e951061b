package com.muejam.discovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Discovery settings; the weights are the seed's.
 *
 * @param trendingInterval how often trending scores are recomputed
 * @param decayCron when interests decay (daily)
 * @param interestDecay the daily decay factor of interest scores
 * @param hourlyDecay how much an engagement's weight fades per hour of age in trending
 * @param forYouDepth how many stories a For You feed ranks
 * @param trendingCopyTtl with Redis, how long an instance keeps its copy of the trending
 * ranking (a change on another instance reaches it within this)
 */
@ConfigurationProperties("muejam.discovery")
record DiscoveryProperties(@DefaultValue("30m") Duration trendingInterval,
		@DefaultValue("0 0 3 * * *") String decayCron, @DefaultValue("0.98") double interestDecay,
		@DefaultValue("0.98") double hourlyDecay, @DefaultValue("200") int forYouDepth,
		@DefaultValue("5s") Duration trendingCopyTtl) {
}
