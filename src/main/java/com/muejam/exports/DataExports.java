package com.muejam.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.ratelimit.RateLimitDecision;
import com.muejam.core.ratelimit.RateLimitExceeded;
import com.muejam.core.security.CurrentUser;
import com.muejam.exports.DataExportQueries.DataExportRow;
import com.muejam.uploads.StoredFiles;
import com.muejam.users.UserDeleted;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal data exports: asked for through the API (one in preparation at a time, one a
 * day), made off the request by a listener of {@link DataExportRequested} (durable: the
 * event publication registry redelivers it after a crash, and making one twice is
 * harmless), announced with {@link DataExportReady}, downloadable through a signed link
 * for 7 days, then deleted.
 */
@Service
class DataExports {

	static final Duration INTERVAL = Duration.ofDays(1);

	static final Duration VALIDITY = Duration.ofDays(7);

	private static final Logger log = LoggerFactory.getLogger(DataExports.class);

	private final DataExportQueries queries;

	private final PersonalDataArchive archive;

	private final StoredFiles files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DataExports(DataExportQueries queries, PersonalDataArchive archive, StoredFiles files,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.archive = archive;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts an export of the user's data.
	 * @param user the user
	 * @return the export, pending
	 * @throws ApiException {@code CONFLICT} while another is in preparation,
	 * {@code RATE_LIMITED} within a day of the last one
	 */
	@Transactional
	DataExportView request(CurrentUser user) {
		Instant now = this.clock.instant();
		Optional<UUID> created = this.queries.request(user.id(), now, INTERVAL);
		if (created.isEmpty()) {
			DataExportRow latest = this.queries.latest(user.id()).orElseThrow();
			if (latest.status().equals("pending")) {
				throw new ApiException(ErrorCode.CONFLICT, "An export of your data is already being prepared",
						Map.of("export_id", latest.id().toString()));
			}
			long wait = Math.max(1, Duration.between(now, latest.requestedAt().plus(INTERVAL)).toSeconds());
			throw new RateLimitExceeded(
					new RateLimitDecision("data-exports", false, 1, INTERVAL.toSeconds(), 0, wait, wait));
		}
		this.events.publishEvent(new DataExportRequested(created.get(), user.id()));
		return new DataExportView(created.get(), "pending", now, null, null, null, null);
	}

	/**
	 * One of the user's exports.
	 * @throws ApiException {@code NOT_FOUND} for an export of someone else
	 */
	DataExportView view(CurrentUser user, UUID id) {
		DataExportRow row = this.queries.byId(id)
			.filter((export) -> export.userId().equals(user.id()))
			.orElseThrow(() -> ApiException.notFound("Export"));
		String url = (row.status().equals("ready") && row.objectKey() != null && row.expiresAt() != null)
				? downloadUrl(row.objectKey(), row.requestedAt(), row.expiresAt()) : null;
		return new DataExportView(row.id(), row.status(), row.requestedAt(), row.readyAt(), row.expiresAt(),
				row.sizeBytes(), url);
	}

	/**
	 * Makes a requested export: the archive, written to a temporary file and stored, then
	 * recorded as ready and announced in one transaction.
	 * @param requested the export
	 */
	@ApplicationModuleListener
	void on(DataExportRequested requested) {
		Optional<DataExportRow> pending = this.queries.byId(requested.exportId())
			.filter((export) -> export.status().equals("pending"));
		if (pending.isEmpty()) {
			return;
		}
		String key = "files/exports/" + requested.userId() + "/" + requested.exportId() + ".zip";
		long size = store(requested.userId(), key);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(VALIDITY);
		if (this.queries.markReady(requested.exportId(), key, size, now, expiresAt).isEmpty()) {
			return;
		}
		this.events.publishEvent(new DataExportReady(requested.exportId(), requested.userId(),
				downloadUrl(key, pending.get().requestedAt(), expiresAt), expiresAt));
	}

	/**
	 * Deletes the files of exports whose link expired.
	 * @return how many ({@code null} on an instance that did not get the lock)
	 */
	@Scheduled(fixedDelayString = "${muejam.exports.expiry-interval:1h}", initialDelayString = "1m")
	@SchedulerLock(name = "data-export-expiry", lockAtMostFor = "10m")
	@Transactional
	public @Nullable Integer expire() {
		var keys = this.queries.expire(this.clock.instant(), null);
		keys.forEach(this.files::delete);
		if (!keys.isEmpty()) {
			log.info("Deleted {} expired data exports", keys.size());
		}
		return keys.size();
	}

	/**
	 * A purged account's exports go.
	 * @param event the account
	 */
	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.queries.expire(this.clock.instant(), event.userId()).forEach(this.files::delete);
	}

	private long store(UUID userId, String key) {
		Path file = TemporaryFiles.written(".zip", (out) -> this.archive.write(userId, out));
		try {
			this.files.store(key, file, "application/zip");
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			TemporaryFiles.delete(file);
		}
	}

	private String downloadUrl(String key, Instant requestedAt, Instant expiresAt) {
		LocalDate day = LocalDate.ofInstant(requestedAt, ZoneOffset.UTC);
		return this.files.downloadUrl(key, "muejam-data-" + day + ".zip", expiresAt);
	}

}
