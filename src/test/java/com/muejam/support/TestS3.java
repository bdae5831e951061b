package com.muejam.support;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server (s3proxy, in process, objects in memory) for the tests of
 * the production storage, with credentials {@code access} / {@code secret}.
 */
public final class TestS3 {

	private TestS3() {
	}

	/**
	 * Starts a server with one empty bucket.
	 * @param bucket the bucket's name
	 * @return the server; stop it with {@code afterEach()}
	 */
	public static S3ProxyJunitCore start(String bucket) {
		try {
			S3ProxyJunitCore s3 = new S3ProxyJunitCore.Builder().withCredentials("access", "secret")
				.withBlobStoreProvider("transient")
				.build();
			s3.beforeEach();
			try (S3Client admin = S3Client.builder()
				.endpointOverride(s3.getUri())
				.region(Region.US_EAST_1)
				.forcePathStyle(true)
				.httpClient(UrlConnectionHttpClient.create())
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
				.build()) {
				admin.createBucket((created) -> created.bucket(bucket));
			}
			return s3;
		}
		catch (Exception ex) {
			throw new IllegalStateException("s3proxy did not start", ex);
		}
	}

}
