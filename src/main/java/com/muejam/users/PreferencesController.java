package com.muejam.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.muejam.core.security.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles")
@RestController
class PreferencesController {

	private final PreferenceService preferences;

	PreferencesController(PreferenceService preferences) {
		this.preferences = preferences;
	}

	@Operation(summary = "The caller's reading preferences",
			description = "What the caller's lists, tag pages, Discover tabs, search and suggestions leave out. "
					+ "Defaults: `max_rating` `teen`, no muted tags, `hide_read_by_default` false.")
	@GetMapping("/v1/me/preferences")
	PreferencesView getPreferences(@AuthenticationPrincipal CurrentUser user) {
		// read with the sign-in: no statement of its own
		return PreferencesView.of(user.preferences());
	}

	@Operation(summary = "Change the caller's reading preferences",
			description = "Send only what changes; `muted_tags` replaces the whole list (at most 200 tag slugs). "
					+ "Muted authors are the social graph's mutes (`POST /v1/users/{id}/mute`).")
	@PutMapping("/v1/me/preferences")
	PreferencesView updatePreferences(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody PreferencesView.Update changes) {
		return PreferencesView.of(this.preferences.update(user, changes));
	}

}
