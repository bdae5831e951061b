package com.muejam.core.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * An optional read replica ({@code muejam.datasource.replica-url}): read-only
 * transactions ({@code @Transactional(readOnly = true)}) run on it, everything else on
 * the primary ({@code spring.datasource.*}). Both pools take their settings from
 * {@code spring.datasource.hikari.*}; the replica's from
 * {@code muejam.datasource.replica.hikari.*} on top. Connections are fetched lazily, once
 * the transaction's read-only flag is known.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("muejam.datasource.replica-url")
class ReplicaDataSourceConfiguration {

	@Bean(defaultCandidate = false)
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource primaryDataSource(DataSourceProperties properties) {
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		primary.setPoolName("primary");
		return primary;
	}

	@Bean(defaultCandidate = false)
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource replicaDataSource(DataSourceProperties properties, Environment environment) {
		HikariDataSource replica = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		replica.setJdbcUrl(environment.getRequiredProperty("muejam.datasource.replica-url"));
		replica.setUsername(environment.getProperty("muejam.datasource.replica-username", replica.getUsername()));
		replica.setPassword(environment.getProperty("muejam.datasource.replica-password", replica.getPassword()));
		replica.setPoolName("replica");
		replica.setReadOnly(true);
		return replica;
	}

	@Bean
	@Primary
	DataSource dataSource(@Qualifier("primaryDataSource") DataSource primary,
			@Qualifier("replicaDataSource") DataSource replica) {
		LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
		routing.setReadOnlyDataSource(replica);
		return routing;
	}

}
