package com.muejam.uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.security.CurrentUser;
import com.muejam.uploads.UploadService.PresignRequest;
import com.muejam.uploads.UploadService.PresignedUpload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Uploads",
		description = "Presigned uploads of images (avatars, covers, whisper media) and the local object store")
@RestController
class UploadController {

	private final UploadService uploads;

	private final ObjectProvider<LocalObjectStorage> local;

	UploadController(UploadService uploads, ObjectProvider<LocalObjectStorage> local) {
		this.uploads = uploads;
		this.local = local;
	}

	@Operation(summary = "Get a presigned upload URL", description = """
			30 per minute. Images only (jpeg, png, webp, gif); at most 2 MB for an avatar, 5 MB for a cover, \
			10 MB for whisper media. PUT the bytes to `url` with `headers` within 15 minutes, then use \
			`object_key` as `avatar_key`, `cover_key` or `media_key`.""")
	@PostMapping("/v1/uploads/presign")
	PresignedUpload presignUpload(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody PresignRequest request) {
		return this.uploads.presign(user, request);
	}

	@Hidden
	@PutMapping("/v1/objects/uploads/**")
	ResponseEntity<Void> putObject(HttpServletRequest request, @RequestParam String signature) throws IOException {
		LocalObjectStorage storage = localStorage();
		String key = key(request);
		String refusal = storage.accept(key, signature, String.valueOf(request.getContentType()),
				request.getContentLengthLong(), request.getInputStream());
		if (refusal != null) {
			throw new ApiException(ErrorCode.FORBIDDEN, refusal);
		}
		this.uploads.markUploaded(key);
		return ResponseEntity.ok().build();
	}

	@Hidden
	@GetMapping("/v1/objects/uploads/**")
	ResponseEntity<FileSystemResource> getObject(HttpServletRequest request) {
		String key = key(request);
		Path file;
		try {
			file = localStorage().uploadFile(key);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.notFound("Object");
		}
		if (!Files.isRegularFile(file)) {
			throw ApiException.notFound("Object");
		}
		MediaType type = MediaTypeFactory.getMediaType(key).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
	}

	@Hidden
	@GetMapping("/v1/objects/files/**")
	ResponseEntity<FileSystemResource> getFile(HttpServletRequest request, @RequestParam String name,
			@RequestParam long expires, @RequestParam String signature) {
		Path file;
		try {
			file = localStorage().signedFile(key(request), name, expires, signature);
		}
		catch (IllegalArgumentException ex) {
			file = null;
		}
		if (file == null) {
			throw new ApiException(ErrorCode.FORBIDDEN, "The download link is not valid, or has expired");
		}
		return ResponseEntity.ok()
			.contentType(MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(new FileSystemResource(file));
	}

	private LocalObjectStorage localStorage() {
		LocalObjectStorage storage = this.local.getIfAvailable();
		if (storage == null) {
			throw ApiException.notFound("Object");
		}
		return storage;
	}

	private static String key(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.substring(path.indexOf("/v1/objects/") + "/v1/objects/".length());
	}

}
