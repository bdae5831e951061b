package com.muejam.uploads;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Object storage settings.
 *
 * @param provider {@code local} (objects in the data folder, served by this service) or
 * {@code s3}
 * @param publicBaseUrl where stored objects are read from (a CDN or bucket URL in
 * production)
 * @param uploadBaseUrl where the local storage accepts presigned uploads (this service)
 * @param presignTtl how long an upload URL stays valid
 * @param s3 the S3 settings
 * @param unreferencedTtl uploads not referenced (avatar, cover, whisper media) this long
 * after they were issued are deleted
 */
@ConfigurationProperties("muejam.storage")
record StorageProperties(@DefaultValue("local") String provider, @DefaultValue("") String publicBaseUrl,
		@DefaultValue("") String uploadBaseUrl, @DefaultValue("15m") Duration presignTtl, @DefaultValue S3 s3,
		@DefaultValue("24h") Duration unreferencedTtl) {

	/**
	 * @param bucket the bucket
	 * @param region the region
	 * @param endpoint an S3-compatible endpoint (MinIO, R2...), or {@code null} for AWS
	 * @param pathStyle path-style addressing (most S3-compatible stores)
	 * @param accessKey access key, or {@code null} for the default AWS credential chain
	 * @param secretKey secret key
	 * @param presignEndpoint the endpoint clients upload to, when it differs from
	 * {@code endpoint} (MinIO on a private network, reached by browsers at another
	 * address): upload URLs are signed for it; {@code null} for {@code endpoint}
	 */
	record S3(@Nullable String bucket, @DefaultValue("us-east-1") String region, @Nullable String endpoint,
			@DefaultValue("false") boolean pathStyle, @Nullable String accessKey, @Nullable String secretKey,
			@Nullable String presignEndpoint) {
	}

	static String baseUrl(String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.replaceAll("/+$", "");
		}
		if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
			// outside a request (a background job): a path relative to this service
			return "/v1/objects";
		}
		return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/v1/objects")
			.toUriString();
	}

}
