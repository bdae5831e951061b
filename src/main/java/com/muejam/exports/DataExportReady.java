package com.muejam.exports;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's personal data export is ready to download.
 *
 * @param exportId the export
 * @param userId whose data
 * @param downloadUrl a signed link to the file, working without signing in until
 * {@code expiresAt}
 * @param expiresAt when the link stops working and the file is deleted
 */
public record DataExportReady(UUID exportId, UUID userId, String downloadUrl, Instant expiresAt) {
}
