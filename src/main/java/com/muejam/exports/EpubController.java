package com.muejam.exports;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import com.muejam.core.security.CurrentUser;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Exports", description = "Stories as EPUB books; your personal data as a zip")
@RestController
class EpubController {

	private final EpubExports exports;

	EpubController(EpubExports exports) {
		this.exports = exports;
	}

	@Operation(summary = "A story as an EPUB book", description = """
			The published story as an EPUB 3 book: a title page (title, author, rating, warnings, tags, blurb, \
			cover), each chapter readers can see and a table of contents. Never drafts, scheduled or hidden \
			chapters; the reader's rating filter applies. Images stored here are in the book, others are links. \
			10 per hour per reader.""")
	@ApiResponse(responseCode = "200", description = "The book, as an attachment",
			content = @Content(mediaType = EpubWriter.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "403",
			description = "The story is rated above the caller's `max_rating`: `RATING_GATED`",
			content = @Content(mediaType = "application/json",
					schema = @Schema(ref = "#/components/schemas/ErrorResponse")))
	@GetMapping(path = "/v1/stories/{id}/export.epub", produces = { EpubWriter.MEDIA_TYPE, "application/json" })
	ResponseEntity<InputStreamResource> exportEpub(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "The story's slug, or its id",
					example = "the-lighthouse-keeper") @PathVariable("id") @Size(max = 120) String slug) {
		EpubExports.Download book = this.exports.download(user, slug);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(EpubWriter.MEDIA_TYPE))
			.contentLength(book.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(book.slug() + ".epub", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(book.bytes()));
	}

}
