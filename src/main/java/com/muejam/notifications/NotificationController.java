package com.muejam.notifications;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Notifications",
		description = "In-app notifications, their live stream (Server-Sent Events) and email settings")
@RestController
class NotificationController {

	private final NotificationService notifications;

	private final NotificationStreams streams;

	private final StreamTickets tickets;

	private final Unsubscribes unsubscribes;

	NotificationController(NotificationService notifications, NotificationStreams streams, StreamTickets tickets,
			Unsubscribes unsubscribes) {
		this.notifications = notifications;
		this.streams = streams;
		this.tickets = tickets;
		this.unsubscribes = unsubscribes;
	}

	@Operation(summary = "The caller's notifications, newest first")
	@GetMapping("/v1/notifications")
	CursorPage<NotificationView> listNotifications(@AuthenticationPrincipal CurrentUser user, PageParams page) {
		return this.notifications.list(user, page);
	}

	@Operation(summary = "Mark a notification read")
	@PostMapping("/v1/notifications/{id}/read")
	NotificationView markNotificationRead(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.notifications.markRead(user, id);
	}

	@Operation(summary = "Mark every notification read")
	@PostMapping("/v1/notifications/read-all")
	MarkedRead markAllNotificationsRead(@AuthenticationPrincipal CurrentUser user) {
		return new MarkedRead(this.notifications.markAllRead(user));
	}

	@Operation(summary = "How many notifications are unread")
	@GetMapping("/v1/notifications/unread-count")
	UnreadCount getUnreadCount(@AuthenticationPrincipal CurrentUser user) {
		return new UnreadCount(this.notifications.unreadCount(user));
	}

	@Operation(summary = "A ticket for the live stream", description = """
			For browsers' EventSource, which cannot send headers: open the stream with `?ticket=` within 60 \
			seconds. The same URL then serves the stream's reconnects for an hour (EventSource reconnects by \
			itself and sends `Last-Event-ID`, so nothing is missed); after that, or on a 401, get a new ticket.""")
	@PostMapping("/v1/notifications/stream-ticket")
	StreamTickets.Ticket createStreamTicket(@AuthenticationPrincipal CurrentUser user) {
		return this.tickets.issue(user.id());
	}

	@Operation(summary = "Live notifications (Server-Sent Events)", description = """
			Each new notification arrives as `event: notification` with the list's JSON as `data` and its id as \
			the event id. Send `Last-Event-ID` when reconnecting to receive what was missed. Authenticate with \
			the Authorization header, or with `?ticket=` from `POST /v1/notifications/stream-ticket` (good for the \
			stream's reconnects for an hour); tokens never go in URLs. Comments (`: keepalive`) arrive every 15 \
			seconds.""")
	@ApiResponse(responseCode = "200", description = """
			An event stream: `retry: 3000`, then per notification `id: <notification id>`, `event: notification`, \
			`data: <Notification JSON>`.""",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(type = "string", example = """
							id: 0b0c9b1e-7d1c-4a8e-9b7f-6f0f3c2d1a00
							event: notification
							data: {"id":"0b0c9b1e-7d1c-4a8e-9b7f-6f0f3c2d1a00","type":"FOLLOW"}

							""")))
	@SecurityRequirements
	@GetMapping(path = "/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter streamNotifications(@AuthenticationPrincipal @Nullable CurrentUser user,
			@Parameter(description = "A stream ticket (for EventSource)") @RequestParam(
					required = false) @Nullable String ticket,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		CurrentUser caller = (user != null) ? user : ticketHolder(ticket);
		List<NotificationView> missed = List.of();
		if (lastEventId != null) {
			try {
				missed = this.notifications.missedSince(caller, UUID.fromString(lastEventId.strip()));
			}
			catch (IllegalArgumentException ex) {
				// not one of our ids: nothing to replay
			}
		}
		return this.streams.open(caller.id(), missed);
	}

	@Operation(summary = "The caller's email settings")
	@GetMapping("/v1/me/notification-settings")
	NotificationSettings getNotificationSettings(@AuthenticationPrincipal CurrentUser user) {
		return this.notifications.settings(user.id());
	}

	@Operation(summary = "Change the caller's email settings")
	@PutMapping("/v1/me/notification-settings")
	NotificationSettings updateNotificationSettings(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody NotificationSettings settings) {
		return this.notifications.saveSettings(user.id(), settings);
	}

	@Operation(summary = "Unsubscribe page",
			description = "Where the email's unsubscribe link opens in a browser: a page asking to confirm with a button that posts back. Changes nothing by itself, so link scanners unsubscribe nobody.")
	@ApiResponse(responseCode = "200", description = "The confirmation page",
			content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
	@SecurityRequirements
	@GetMapping("/v1/email/unsubscribe")
	ResponseEntity<String> confirmUnsubscribe(@RequestParam String token) {
		return UnsubscribePage.confirm(this.unsubscribes.read(token).type(), token);
	}

	@Operation(summary = "One-click unsubscribe", description = """
			Switches that type of email off. The signed link of every email, also its `List-Unsubscribe` \
			header (RFC 8058 one-click POST with `List-Unsubscribe=One-Click`). Needs no login. Answers a \
			page when the client accepts `text/html` (the confirmation page's button).""")
	@ApiResponse(responseCode = "200", description = "Switched off",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = Unsubscribed.class)),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")) })
	@SecurityRequirements
	@PostMapping("/v1/email/unsubscribe")
	ResponseEntity<?> unsubscribe(@RequestParam String token,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		Unsubscribes.Subscription subscription = this.unsubscribes.read(token);
		this.notifications.unsubscribe(subscription.userId(), subscription.type());
		if (UnsubscribePage.wanted(accept)) {
			return UnsubscribePage.done(subscription.type());
		}
		return ResponseEntity.ok(new Unsubscribed(subscription.type()));
	}

	private CurrentUser ticketHolder(@Nullable String ticket) {
		if (ticket == null || ticket.isBlank()) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "Send a bearer token or a stream ticket");
		}
		UUID userId = this.tickets.redeem(ticket)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The stream ticket is invalid or expired"));
		return new CurrentUser(userId, "", Set.of());
	}

	/**
	 * @param updated how many notifications were marked read
	 */
	@Schema(name = "MarkedRead")
	record MarkedRead(int updated) {
	}

	/**
	 * @param unreadCount how many of the caller's notifications are unread
	 */
	@Schema(name = "UnreadCount")
	record UnreadCount(long unreadCount) {
	}

	/**
	 * @param unsubscribed the type of email switched off
	 */
	@Schema(name = "Unsubscribed")
	record Unsubscribed(NotificationType unsubscribed) {
	}

}
