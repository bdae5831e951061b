package com.muejam.exports;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A personal data export as the API shows it.
 *
 * @param id the export
 * @param status {@code pending}, {@code ready} or {@code expired}
 * @param requestedAt when it was asked for
 * @param readyAt when it was made
 * @param expiresAt when the download link stops working and the file is deleted
 * @param sizeBytes the zip's size
 * @param downloadUrl a signed link to the zip, working without signing in until
 * {@code expires_at}; {@code null} unless ready
 */
@Schema(name = "DataExport")
record DataExportView(UUID id, @Schema(allowableValues = {
		"pending", "ready", "expired" }) String status, Instant requestedAt, @Nullable Instant readyAt,
		@Nullable Instant expiresAt, @Nullable Long sizeBytes,
		@Schema(description = "A signed link to the zip, valid until `expires_at`; null unless `ready`") @Nullable String downloadUrl){
}
