package com.muejam.users;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.users.ProfileRequests.UpdateProfile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's digest choice and time zone, as notifications need them: whether a single
 * notification may be emailed on its own, and the digest's one-click unsubscribe.
 */
@Service
public class DigestSettings {

	private final UserProfileRepository profiles;

	private final PreferenceQueries queries;

	DigestSettings(UserProfileRepository profiles, PreferenceQueries queries) {
		this.profiles = profiles;
		this.queries = queries;
	}

	/**
	 * Where to email one notification on its own: nowhere for a reader whose digest
	 * gathers them.
	 * @param userId the reader
	 * @return their address, empty when their digest is on, or they are unknown or
	 * deleted
	 */
	@Transactional(readOnly = true)
	public Optional<String> emailForSingleNotices(UUID userId) {
		return this.profiles.findById(userId)
			.filter((profile) -> !profile.isDeleted() && profile.digest() == Digest.OFF)
			.map(UserProfile::email);
	}

	/**
	 * Switches a reader's digest off (its unsubscribe link).
	 * @param userId the reader
	 * @param now the moment
	 */
	@Transactional
	public void stopDigest(UUID userId, Instant now) {
		this.profiles.findById(userId).ifPresent((profile) -> {
			profile.changeDigest(Digest.OFF, now);
			this.profiles.save(profile);
		});
	}

	/**
	 * Applies a profile change's digest and time zone.
	 * @throws ApiException a 400 naming {@code timezone} for a name that is not an IANA
	 * region PostgreSQL knows (it places the digests; Java knows a few it does not)
	 */
	void apply(UpdateProfile changes, UserProfile profile, Instant now) {
		if (changes.digest() != null) {
			profile.changeDigest(changes.digest(), now);
		}
		if (changes.timezone() != null) {
			String zone = changes.timezone().strip();
			if (!ZoneId.getAvailableZoneIds().contains(zone) || !this.queries.knowsTimezone(zone)) {
				throw ApiException.invalidField("timezone", "must be an IANA time zone name, such as Europe/Paris");
			}
			profile.changeTimezone(zone, now);
		}
	}

}
