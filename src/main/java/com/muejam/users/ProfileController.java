package com.muejam.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.muejam.core.security.CurrentUser;
import com.muejam.users.ProfileRequests.UpdateProfile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles", description = "Users' public profiles and the caller's own profile")
@RestController
class ProfileController {

	private final ProfileService profiles;

	ProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@Operation(summary = "The caller's profile",
			description = "Created on the first authenticated request, with a generated handle that can be changed.")
	@GetMapping("/v1/me")
	MeView getMe(@AuthenticationPrincipal CurrentUser user) {
		return this.profiles.me(user);
	}

	@Operation(summary = "Change the caller's profile",
			description = "Send only the fields to change. A handle taken by someone else (ignoring case) is 409 `HANDLE_TAKEN`.")
	@PutMapping("/v1/me")
	MeView updateMe(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody UpdateProfile changes) {
		return this.profiles.update(user, changes);
	}

	@Operation(summary = "A public profile by handle", description = "Handles match ignoring case.")
	@SecurityRequirements
	@GetMapping("/v1/users/{handle}")
	ProfileView getUser(@PathVariable String handle) {
		return this.profiles.publicProfile(handle);
	}

}
