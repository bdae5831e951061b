package com.muejam.uploads;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploads never referenced within a day (rows and objects, on the local storage
 * or S3), on one instance per run (ShedLock); safe to run again.
 */
@Component
class UploadCleanup {

	private static final Logger log = LoggerFactory.getLogger(UploadCleanup.class);

	private final UploadService uploads;

	UploadCleanup(UploadService uploads) {
		this.uploads = uploads;
	}

	/**
	 * @return how many uploads were deleted, or {@code null} when another instance held
	 * the lock (ShedLock cannot lock a method returning a primitive)
	 */
	@Scheduled(fixedDelayString = "${muejam.storage.cleanup-interval:1h}", initialDelayString = "5m")
	@SchedulerLock(name = "upload-cleanup", lockAtMostFor = "30m")
	public @Nullable Integer deleteUnreferenced() {
		int deleted = this.uploads.deleteUnreferenced();
		if (deleted > 0) {
			log.info("Deleted {} uploads never referenced", deleted);
		}
		return deleted;
	}

}
