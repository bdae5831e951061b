package com.muejam.core.config;

import java.time.Duration;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Background work: the modules' {@code @Scheduled} jobs, and the resubmission of
 * application events whose listener failed (the event publication registry keeps them
 * until a listener completes), so a side effect is retried rather than lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
@ConditionalOnBooleanProperty(name = "muejam.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {

	/**
	 * Jobs annotated {@code @SchedulerLock} run on one instance at a time: the lock is a
	 * row of the {@code shedlock} table, timed by the database's clock.
	 * @param dataSource the database
	 * @return the lock provider
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Bean
	EventResubmission eventResubmission(IncompleteEventPublications publications,
			@Value("${muejam.events.resubmit-after:1m}") Duration age) {
		return new EventResubmission(publications, age);
	}

	/**
	 * Resubmits event publications that stayed incomplete for longer than {@code age}.
	 */
	static class EventResubmission {

		private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

		private final IncompleteEventPublications publications;

		private final Duration age;

		EventResubmission(IncompleteEventPublications publications, Duration age) {
			this.publications = publications;
			this.age = age;
		}

		@Scheduled(fixedDelayString = "${muejam.events.resubmit-interval:1m}",
				initialDelayString = "${muejam.events.resubmit-interval:1m}")
		@SchedulerLock(name = "event-resubmission", lockAtMostFor = "5m")
		void resubmit() {
			try {
				this.publications.resubmitIncompletePublicationsOlderThan(this.age);
			}
			catch (RuntimeException ex) {
				log.warn("Could not resubmit incomplete event publications", ex);
			}
		}

	}

}
