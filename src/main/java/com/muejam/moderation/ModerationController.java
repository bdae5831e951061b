package com.muejam.moderation;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.muejam.core.openapi.Created;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.moderation.ModerationRequests.CreateReport;
import com.muejam.moderation.ModerationViews.QueueItem;
import com.muejam.moderation.ModerationViews.ReportView;
import com.muejam.moderation.ModerationRequests.Resolve;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Moderation", description = "Reports of abuse and the moderators' decisions on them")
@RestController
class ModerationController {

	private final ModerationService moderation;

	ModerationController(ModerationService moderation) {
		this.moderation = moderation;
	}

	@Operation(summary = "Report a story, chapter, whisper or user",
			description = "20 per hour. One open report per target: reporting it again returns the same report (200).")
	@Created(location = false, repeatAnswersOk = true)
	@PostMapping("/v1/reports")
	ResponseEntity<ReportView> createReport(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CreateReport request) {
		ModerationService.Reported reported = this.moderation.report(user, request);
		return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(reported.report());
	}

	@Operation(summary = "The caller's reports and what became of them")
	@GetMapping("/v1/reports/mine")
	CursorPage<ReportView> listMyReports(@AuthenticationPrincipal CurrentUser user, PageParams page) {
		return this.moderation.myReports(user, page);
	}

	@Operation(summary = "The moderation queue, oldest first", description = "Moderators only.")
	@GetMapping("/v1/moderation/reports")
	CursorPage<QueueItem> listReportQueue(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "Which reports: PENDING (default), REVIEWED or RESOLVED",
					schema = @Schema(type = "string", allowableValues = { "PENDING", "REVIEWED", "RESOLVED" },
							defaultValue = "PENDING")) @RequestParam(required = false) @Nullable String status,
			PageParams page) {
		return this.moderation.queue(user, status, page);
	}

	@Operation(summary = "Resolve a report",
			description = "Moderators only. dismiss, hide_content (404 for the public) or suspend_user (no writes until "
					+ "lifted). Closes every open report on the same target; written to the audit log.")
	@PostMapping("/v1/moderation/reports/{id}/resolve")
	QueueItem resolveReport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody Resolve request) {
		return this.moderation.resolve(user, id, request.action(), request.note());
	}

	@Operation(summary = "Lift a suspension", description = "Moderators only.")
	@PostMapping("/v1/moderation/users/{id}/unsuspend")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsuspendUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.moderation.unsuspend(user, id);
	}

}
