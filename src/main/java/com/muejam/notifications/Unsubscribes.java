package com.muejam.notifications;

import java.util.List;
import java.util.UUID;

import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.InvalidCursor;
import com.muejam.core.error.ApiException;

import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links: a token names the user and the notification type
 * and is HMAC-signed, so it needs no login and cannot be forged for someone else.
 */
@Component
class Unsubscribes {

	private static final String PURPOSE = "email.unsubscribe";

	private final CursorCodec signer;

	private final EmailProperties properties;

	Unsubscribes(CursorCodec signer, EmailProperties properties) {
		this.signer = signer;
		this.properties = properties;
	}

	String link(UUID userId, NotificationType type) {
		String base = this.properties.linkBaseUrl().replaceAll("/+$", "");
		return base + "/v1/email/unsubscribe?token="
				+ this.signer.encode(PURPOSE, List.of(userId.toString(), type.name()));
	}

	Subscription read(String token) {
		try {
			List<String> values = this.signer.decode(PURPOSE, token);
			return new Subscription(UUID.fromString(values.get(0)), NotificationType.valueOf(values.get(1)));
		}
		catch (InvalidCursor | IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw ApiException.invalidField("token", "is not a valid unsubscribe token");
		}
	}

	/**
	 * @param userId whose emails
	 * @param type which emails
	 */
	record Subscription(UUID userId, NotificationType type) {
	}

}
