package com.muejam.users;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.muejam.core.security.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles")
@RestController
class PreferencesController {

	private final PreferenceQueries queries;

	private final Clock clock;

	PreferencesController(PreferenceQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@Operation(summary = "The caller's reading preferences",
			description = "What the caller's lists, tag pages, Discover tabs, search and suggestions leave out. "
					+ "Defaults: `max_rating` `teen`, no muted tags, `hide_read_by_default` false.")
	@GetMapping("/v1/me/preferences")
	PreferencesView getPreferences(@AuthenticationPrincipal CurrentUser user) {
		return PreferencesView.of(user.preferences());
	}

	@Operation(summary = "Change the caller's reading preferences",
			description = "Send only what changes; `muted_tags` replaces the whole list (at most 200 tag slugs). "
					+ "Muted authors are the social graph's mutes (`POST /v1/users/{id}/mute`).")
	@PutMapping("/v1/me/preferences")
	@Transactional
	PreferencesView updatePreferences(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody PreferencesView.Update changes) {
		var updated = changes.applyTo(this.queries.find(user.id()));
		this.queries.save(user.id(), updated, this.clock.instant());
		return PreferencesView.of(updated);
	}

}
