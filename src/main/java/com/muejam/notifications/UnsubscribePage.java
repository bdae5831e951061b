package com.muejam.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages a person sees when they open an email's unsubscribe link in a browser: a
 * confirmation with a button (opening the link changes nothing, so link scanners
 * unsubscribe nobody) and, after the button's {@code POST}, a short confirmation. Every
 * value is escaped; the pages load nothing and may only post back to this service.
 */
final class UnsubscribePage {

	private static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private UnsubscribePage() {
	}

	/**
	 * @param type the emails the link stops
	 * @param token the signed token, posted back unchanged
	 * @return the confirmation page
	 */
	static ResponseEntity<String> confirm(NotificationType type, String token) {
		String action = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		return page("Unsubscribe",
				"<p>Stop emails about " + escape(topic(type)) + "?</p>" + "<form method=\"post\" action=\""
						+ escape(action) + "\">" + "<button type=\"submit\">Unsubscribe</button></form>");
	}

	/**
	 * @param type the emails switched off
	 * @return the page confirming it
	 */
	static ResponseEntity<String> done(NotificationType type) {
		return page("Unsubscribed", "<p>You will no longer get emails about " + escape(topic(type))
				+ ". You can switch them on again in your notification settings.</p>");
	}

	/**
	 * Whether the client asked for HTML (a browser submitting the form), rather than a
	 * mail client's one-click {@code POST}.
	 * @param accept the {@code Accept} header
	 * @return whether to answer with a page
	 */
	static boolean wanted(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static String topic(NotificationType type) {
		return switch (type) {
			case REPLY -> "replies to your whispers";
			case FOLLOW -> "new followers";
			case NEW_CHAPTER -> "new chapters";
			case DATA_EXPORT_READY -> "data exports";
			case DIGEST -> "digest emails (and the single emails they gather)";
		};
	}

	private static ResponseEntity<String> page(String title, String body) {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + " - MueJam</title>"
				+ "<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}</style>"
				+ "</head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", SECURITY_POLICY)
			.header("Referrer-Policy", "no-referrer")
			.header("X-Content-Type-Options", "nosniff")
			.body(html);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
