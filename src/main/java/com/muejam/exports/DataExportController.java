package com.muejam.exports;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.muejam.core.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Exports", description = "Stories as EPUB books; your personal data as a zip")
@RestController
class DataExportController {

	private final DataExports exports;

	DataExportController(DataExports exports) {
		this.exports = exports;
	}

	@Operation(summary = "Export your data", description = """
			Starts a zip of everything you gave the platform (profile, stories and chapters, shelves, progress, \
			bookmarks, highlights, whispers, follows, blocks, mutes, notification settings, reports filed), \
			documented by a README inside. When it is ready you get a `DATA_EXPORT_READY` notification and an email \
			with a link valid 7 days; GET /v1/me/exports/{id} gives the link too. One at a time (409 `CONFLICT` \
			while one is prepared, its id in `details.export_id`) and one a day (429 `RATE_LIMITED` with \
			`Retry-After`).""")
	@ApiResponse(responseCode = "202", description = "The export, pending", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "An export is being prepared: `CONFLICT`",
			content = @Content(mediaType = "application/json",
					schema = @Schema(ref = "#/components/schemas/ErrorResponse")))
	@PostMapping("/v1/me/export")
	ResponseEntity<DataExportView> exportMyData(@AuthenticationPrincipal CurrentUser user) {
		DataExportView export = this.exports.request(user);
		return ResponseEntity.accepted().location(URI.create("/v1/me/exports/" + export.id())).body(export);
	}

	@Operation(summary = "One of your data exports",
			description = "When `ready`, `download_url` downloads the zip without signing in until `expires_at`.")
	@GetMapping("/v1/me/exports/{id}")
	DataExportView getMyDataExport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.exports.view(user, id);
	}

}
