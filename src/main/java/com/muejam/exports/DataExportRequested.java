package com.muejam.exports;

import java.util.UUID;

/**
 * A user asked for their personal data; the export is made off the request, durably (the
 * event publication registry redelivers it after a crash).
 *
 * @param exportId the export
 * @param userId whose data
 */
public record DataExportRequested(UUID exportId, UUID userId) {
}
