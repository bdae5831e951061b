package com.muejam.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stream tickets for browsers' {@code EventSource}, which cannot send an Authorization
 * header: first used within 60 seconds, then good for the stream's reconnects (which
 * {@code EventSource} makes by itself with the same URL) for an hour; stored only as a
 * hash, shared by all instances.
 */
@Component
class StreamTickets {

	static final Duration VALIDITY = Duration.ofSeconds(60);

	static final Duration RECONNECTS = Duration.ofHours(1);

	private final SecureRandom random = new SecureRandom();

	private final TicketQueries queries;

	private final Clock clock;

	StreamTickets(TicketQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@Transactional
	Ticket issue(UUID userId) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = this.clock.instant().plus(VALIDITY);
		this.queries.deleteLongExpired();
		this.queries.insert(hash(ticket), userId, expiresAt);
		return new Ticket(ticket, expiresAt);
	}

	/**
	 * Opens or reopens a stream with a ticket. The first use starts its reconnect window.
	 * @param ticket the ticket a client sent
	 * @return whose it is, empty when unknown or expired
	 */
	@Transactional
	Optional<UUID> redeem(String ticket) {
		return this.queries.redeem(hash(ticket), this.clock.instant().plus(RECONNECTS));
	}

	private static String hash(String ticket) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param ticket pass as {@code ?ticket=} to the stream
	 * @param expiresAt when it stops working
	 */
	record Ticket(String ticket, Instant expiresAt) {
	}

}
