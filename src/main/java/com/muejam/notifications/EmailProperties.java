package com.muejam.notifications;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email delivery settings.
 *
 * @param provider {@code log} (local: logs and records each message) or {@code resend}
 * @param from the sender address
 * @param linkBaseUrl the public base URL of this API, for unsubscribe links
 * @param resend Resend's API settings
 * @param worker how the outbox is sent
 * @param replies how many reply emails one recipient gets
 */
@ConfigurationProperties("muejam.email")
record EmailProperties(@DefaultValue("log") String provider,
		@DefaultValue("MueJam <notifications@muejam.local>") String from,
		@DefaultValue("http://localhost:8080") String linkBaseUrl, @DefaultValue Resend resend,
		@DefaultValue Worker worker, @DefaultValue Replies replies) {

	/**
	 * @param apiKey the API key (secret: from the environment)
	 * @param baseUrl the API's base URL
	 * @param connectTimeout connection timeout
	 * @param readTimeout response timeout
	 */
	record Resend(@Nullable String apiKey, @DefaultValue("https://api.resend.com") String baseUrl,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
	}

	/**
	 * @param interval pause between outbox polls
	 * @param batchSize messages claimed per poll
	 * @param maxRetries retries after the first failed attempt
	 * @param initialBackoff delay before the first retry, doubled for each further one
	 * @param lease how long a claimed message may stay unrecorded before it is sent again
	 * (with the same idempotency key, so the provider does not deliver it twice)
	 */
	record Worker(@DefaultValue("1s") Duration interval, @DefaultValue("20") int batchSize,
			@DefaultValue("3") int maxRetries, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("2m") Duration lease) {
	}

	/**
	 * Reply emails to one recipient: at most {@code perWindow} in any {@code window},
	 * never two about the same whisper; the others are folded into one "and N more" email
	 * sent at the end of the window.
	 *
	 * @param perWindow reply emails per recipient and window
	 * @param window the window
	 */
	record Replies(@DefaultValue("5") int perWindow, @DefaultValue("1h") Duration window) {
	}

}
