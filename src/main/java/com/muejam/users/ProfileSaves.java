package com.muejam.users;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Every save of a profile may change what sign-in reads (email, role, suspension,
 * deletion): each one tells {@link SignInMemory}, whichever service saved it.
 */
@Component
class ProfileSaves implements AfterSaveCallback<UserProfile> {

	private final SignInMemory signIns;

	ProfileSaves(SignInMemory signIns) {
		this.signIns = signIns;
	}

	@Override
	public UserProfile onAfterSave(UserProfile profile) {
		this.signIns.changed(profile.id());
		return profile;
	}

}
