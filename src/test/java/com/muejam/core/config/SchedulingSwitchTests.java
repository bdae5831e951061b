package com.muejam.core.config;

import org.junit.jupiter.api.Test;

import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code muejam.scheduling.enabled=false} (the tests' setting) means no job runs by
 * itself: nothing else may switch scheduling on behind it (Spring Modulith's Moments
 * would).
 */
@IntegrationTest
class SchedulingSwitchTests {

	@Autowired
	ApplicationContext context;

	@Test
	void noJobIsScheduledWhenSchedulingIsSwitchedOff() {
		assertThat(this.context.getBeansOfType(ScheduledTaskHolder.class).values())
			.allSatisfy((holder) -> assertThat(holder.getScheduledTasks()).isEmpty());
	}

}
