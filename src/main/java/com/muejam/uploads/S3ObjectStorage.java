package com.muejam.uploads;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.http.ContentDisposition;

/**
 * Amazon S3 or an S3-compatible store, through the AWS SDK for Java v2: presigned PUTs
 * with the content type and length signed, a HEAD to see that an object arrived, a ranged
 * GET for its first bytes, and deletes.
 */
class S3ObjectStorage implements ObjectStorage, AutoCloseable {

	private static final Duration MAX_SIGNATURE = Duration.ofDays(7);

	private final String bucket;

	private final S3Presigner presigner;

	private final S3Client client;

	S3ObjectStorage(StorageProperties.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException("muejam.storage.s3.bucket must be set for the s3 provider");
		}
		this.bucket = settings.bucket();
		AwsCredentialsProvider credentials = (settings.accessKey() != null)
				? StaticCredentialsProvider
					.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
				: DefaultCredentialsProvider.builder().build();
		S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
		S3Presigner.Builder presigner = S3Presigner.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials)
			.serviceConfiguration(s3);
		var client = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials)
			.serviceConfiguration(s3)
			.httpClient(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(2))
				.socketTimeout(Duration.ofSeconds(5))
				.build());
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			presigner.endpointOverride(URI.create(settings.endpoint()));
			client.endpointOverride(URI.create(settings.endpoint()));
		}
		if (settings.presignEndpoint() != null && !settings.presignEndpoint().isBlank()) {
			presigner.endpointOverride(URI.create(settings.presignEndpoint()));
		}
		this.presigner = presigner.build();
		this.client = client.build();
	}

	@Override
	public Presigned presignPut(String key, String contentType, long contentLength, Instant expiresAt) {
		var request = this.presigner.presignPutObject((presign) -> presign
			.signatureDuration(Duration.between(Instant.now(), expiresAt))
			.putObjectRequest(
					(put) -> put.bucket(this.bucket).key(key).contentType(contentType).contentLength(contentLength)));
		return new Presigned(request.url().toString(),
				Map.of("Content-Type", contentType, "Content-Length", Long.toString(contentLength)));
	}

	@Override
	public String presignGet(String key, String fileName, Instant expiresAt) {
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(fileName, StandardCharsets.UTF_8)
			.build();
		return this.presigner
			.presignGetObject((presign) -> presign
				.signatureDuration(signable(Duration.between(Instant.now(), expiresAt)))
				.getObjectRequest(
						(get) -> get.bucket(this.bucket).key(key).responseContentDisposition(disposition.toString())))
			.url()
			.toString();
	}

	@Override
	public boolean isStored(String key, long contentLength) {
		try {
			return this.client.headObject((head) -> head.bucket(this.bucket).key(key)).contentLength() == contentLength;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public Optional<byte[]> firstBytes(String key, int count) {
		return ifFound(() -> this.client
			.getObjectAsBytes((get) -> get.bucket(this.bucket).key(key).range("bytes=0-" + (count - 1)))
			.asByteArray());
	}

	@Override
	public void put(String key, Path file, String contentType) {
		this.client.putObject((put) -> put.bucket(this.bucket).key(key).contentType(contentType),
				RequestBody.fromFile(file));
	}

	@Override
	public Optional<InputStream> open(String key) {
		return ifFound(() -> this.client.getObject((get) -> get.bucket(this.bucket).key(key)));
	}

	@Override
	public void delete(String key) {
		this.client.deleteObject((delete) -> delete.bucket(this.bucket).key(key));
	}

	/**
	 * What a read of an object gives, or empty when there is no such object.
	 */
	private static <T> Optional<T> ifFound(Supplier<T> read) {
		try {
			return Optional.of(read.get());
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * A signature's lifetime within what SigV4 allows: from one second to seven days.
	 */
	private static Duration signable(Duration wanted) {
		Duration atLeast = (wanted.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wanted;
		return (atLeast.compareTo(MAX_SIGNATURE) > 0) ? MAX_SIGNATURE : atLeast;
	}

	@Override
	public void close() {
		this.presigner.close();
		this.client.close();
	}

}
