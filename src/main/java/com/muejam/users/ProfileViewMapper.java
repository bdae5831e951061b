package com.muejam.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.muejam.core.markdown.MarkdownRenderer;
import com.muejam.core.security.CurrentUser;
import com.muejam.uploads.UploadService;

import org.springframework.stereotype.Component;

/**
 * Maps profiles to what the API shows: avatar keys become public URLs, and the markdown
 * bio is rendered to sanitized HTML with the same allow-list as chapters.
 */
@Component
class ProfileViewMapper {

	private final UploadService uploads;

	private final MarkdownRenderer markdown;

	ProfileViewMapper(UploadService uploads, MarkdownRenderer markdown) {
		this.uploads = uploads;
		this.markdown = markdown;
	}

	ProfileView toPublic(UserProfile profile) {
		return new ProfileView(profile.id(), profile.handle(), profile.displayName(), profile.bio(),
				bioHtml(profile.bio()), this.uploads.publicUrl(profile.avatarKey()), profile.createdAt(),
				profile.followerCount(), profile.followingCount());
	}

	MeView toMe(UserProfile profile, CurrentUser user) {
		return new MeView(profile.id(), profile.handle(), profile.displayName(), profile.bio(), bioHtml(profile.bio()),
				this.uploads.publicUrl(profile.avatarKey()), profile.createdAt(), profile.followerCount(),
				profile.followingCount(), profile.email(), List.copyOf(user.roles()), profile.isSuspended(),
				profile.digest(), profile.timezone());
	}

	UserSummary toSummary(UserProfile profile) {
		return new UserSummary(profile.id(), profile.handle(), profile.displayName(),
				this.uploads.publicUrl(profile.avatarKey()));
	}

	private @Nullable String bioHtml(@Nullable String bio) {
		return (bio != null) ? this.markdown.toSafeHtml(bio) : null;
	}

}
