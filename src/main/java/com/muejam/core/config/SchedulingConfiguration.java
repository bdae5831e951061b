package com.muejam.core.config;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work: the modules' {@code @Scheduled} jobs (among them the retries of failed
 * event listeners, {@code core.events}), each run on one instance at a time.
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

}
