package com.muejam.uploads;

import java.time.Clock;

import com.muejam.core.config.DataDirectory;
import com.muejam.core.pagination.CursorCodec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The object storage chosen by {@code muejam.storage.provider}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "muejam.storage.provider", havingValue = "s3")
	S3ObjectStorage s3ObjectStorage(StorageProperties properties) {
		return new S3ObjectStorage(properties.s3());
	}

	@Bean
	@ConditionalOnProperty(name = "muejam.storage.provider", havingValue = "local", matchIfMissing = true)
	LocalObjectStorage localObjectStorage(StorageProperties properties, DataDirectory data, CursorCodec signer,
			Clock clock) {
		return new LocalObjectStorage(data.resolve("objects"), properties.uploadBaseUrl(), signer, clock);
	}

}
