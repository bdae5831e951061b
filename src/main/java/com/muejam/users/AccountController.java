package com.muejam.users;

import java.util.LinkedHashSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.muejam.core.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles", description = "Users' public profiles and the caller's own profile")
@RestController
class AccountController {

	private final AccountService accounts;

	private final ProfileService profiles;

	AccountController(AccountService accounts, ProfileService profiles) {
		this.accounts = accounts;
		this.profiles = profiles;
	}

	@Operation(summary = "Delete your account", description = """
			Your profile, stories and whispers disappear at once. For 30 days (until `purge_after`) your token \
			only restores the account (POST /v1/me/restore; anything else answers 403 `ACCOUNT_DEACTIVATED`). \
			Then your personal data is purged: email, names, bio, avatar, reading progress, bookmarks, shelves, \
			highlights, follows, blocks, mutes, notifications and exports. Moderation records (reports and \
			decisions) are kept, tied to the anonymized account.""")
	@DeleteMapping("/v1/me")
	@ResponseStatus(HttpStatus.ACCEPTED)
	AccountView deleteMe(@AuthenticationPrincipal CurrentUser user) {
		return this.accounts.deactivate(user);
	}

	@Operation(summary = "Restore your deleted account",
			description = "Within 30 days of DELETE /v1/me: the account, its stories and whispers come back.")
	@PostMapping("/v1/me/restore")
	MeView restoreMe(@AuthenticationPrincipal CurrentUser user) {
		this.accounts.restore(user);
		Set<String> roles = new LinkedHashSet<>(user.roles());
		roles.remove(CurrentUser.DEACTIVATED);
		return this.profiles.me(new CurrentUser(user.id(), user.subject(), roles, user.suspended()));
	}

}
