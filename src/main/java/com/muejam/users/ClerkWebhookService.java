package com.muejam.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.security.AuthProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Keeps profiles in sync with Clerk: verifies each delivery's Svix signature, applies it
 * once per {@code svix-id}, and anonymizes the profile of a deleted user.
 */
@Service
class ClerkWebhookService {

	private static final Logger log = LoggerFactory.getLogger(ClerkWebhookService.class);

	private final @Nullable Webhook verifier;

	private final JsonMapper json;

	private final WebhookDeliveryStore deliveries;

	private final UserProfileRepository profiles;

	private final ProfileService profileService;

	private final ApplicationEventPublisher events;

	private final HandleGenerator handles = new HandleGenerator();

	private final Clock clock;

	ClerkWebhookService(AuthProperties auth, JsonMapper json, WebhookDeliveryStore deliveries,
			UserProfileRepository profiles, ProfileService profileService, ApplicationEventPublisher events,
			Clock clock) throws Exception {
		String secret = auth.clerk().webhookSecret();
		this.verifier = StringUtils.hasText(secret) ? new Webhook(secret) : null;
		this.json = json;
		this.deliveries = deliveries;
		this.profiles = profiles;
		this.profileService = profileService;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	void receive(String payload, Map<String, List<String>> headers) {
		if (this.verifier == null) {
			throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Clerk webhooks are not configured");
		}
		try {
			this.verifier.verify(payload, headers);
		}
		catch (WebhookVerificationException ex) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "Invalid webhook signature");
		}
		JsonNode event = parse(payload);
		String type = event.path("type").asString("");
		String deliveryId = headers.get("svix-id").getFirst();
		if (!this.deliveries.recordFirst(deliveryId, type)) {
			log.info("Ignoring replayed Clerk webhook {}", deliveryId);
			return;
		}
		JsonNode data = event.path("data");
		String userId = data.path("id").asString("");
		if (userId.isEmpty()) {
			throw ApiException.invalidField("data.id", "is required");
		}
		switch (type) {
			case "user.created", "user.updated" -> upsert(userId, primaryEmail(data), fullName(data));
			case "user.deleted" -> delete(userId);
			default -> log.debug("Ignoring Clerk event {}", type);
		}
	}

	private void upsert(String clerkUserId, @Nullable String email, @Nullable String name) {
		Optional<UserProfile> existing = this.profiles.findByClerkUserId(clerkUserId);
		if (existing.isEmpty()) {
			this.profileService.signIn(clerkUserId, email, name, java.util.Set.of());
			return;
		}
		UserProfile profile = existing.get();
		if (profile.isDeleted()) {
			return;
		}
		Instant now = this.clock.instant();
		if (email != null) {
			profile.changeEmail(email, now);
		}
		if (name != null) {
			profile.changeDisplayName(name.length() > 100 ? name.substring(0, 100) : name, now);
		}
		this.profiles.save(profile);
		this.profileService.evict(profile.handle());
	}

	private void delete(String clerkUserId) {
		// a profile its owner deleted is purged at once: without the identity, nobody can
		// restore it
		this.profiles.findByClerkUserId(clerkUserId)
			.filter((profile) -> !profile.isDeleted() || profile.purgeAfter() != null)
			.ifPresent((profile) -> {
				this.profileService.evict(profile.handle());
				profile.anonymize(this.handles.generate("deleted"), this.clock.instant());
				this.profiles.save(profile);
				this.events.publishEvent(new UserDeleted(profile.id()));
			});
	}

	private JsonNode parse(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw ApiException.invalidField("body", "is not valid JSON");
		}
	}

	private static @Nullable String primaryEmail(JsonNode data) {
		String primaryId = data.path("primary_email_address_id").asString("");
		for (JsonNode address : data.path("email_addresses")) {
			if (address.path("id").asString("").equals(primaryId)) {
				String email = address.path("email_address").asString("");
				return email.contains("@") ? email : null;
			}
		}
		return null;
	}

	private static @Nullable String fullName(JsonNode data) {
		String name = (data.path("first_name").asString("") + " " + data.path("last_name").asString("")).strip();
		if (name.isEmpty()) {
			name = data.path("username").asString("").strip();
		}
		return name.isEmpty() ? null : name;
	}

}
