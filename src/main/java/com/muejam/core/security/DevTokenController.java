package com.muejam.core.security;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mints tokens from the local issuer so the API can be used without a Clerk account.
 * Exists only when dev tokens are enabled and Clerk is not configured; the {@code prod}
 * profile refuses to start with it.
 */
@Tag(name = "Development", description = "Local-only helpers; absent in production")
@RestController
@ConditionalOnBooleanProperty(name = "muejam.auth.dev-tokens.enabled", matchIfMissing = true)
@Conditional(ClerkNotConfigured.class)
class DevTokenController {

	private final LocalIssuer issuer;

	DevTokenController(LocalIssuer issuer) {
		this.issuer = issuer;
	}

	@Operation(summary = "Mint a local session token", description = """
			Returns a signed token for any user id, valid for one hour. Copy `token` into \
			Swagger UI's **Authorize** button (bearer) to call authenticated endpoints. The \
			first request with a new `user_id` creates that user's profile. Only available on \
			local defaults; production uses Clerk.""")
	@SecurityRequirements
	@PostMapping("/v1/dev/tokens")
	DevToken mintDevToken(@Valid @RequestBody MintDevToken request) {
		LocalIssuer.MintedToken minted = this.issuer.mint(request.userId(), request.email(),
				new LinkedHashSet<>(request.roles()));
		return new DevToken(minted.token(), minted.expiresAt());
	}

	/**
	 * @param userId the Clerk-style user id to put in {@code sub}
	 * @param email the email claim
	 * @param roles roles to grant, e.g. {@code moderator}
	 */
	@Schema(example = "{\"user_id\":\"user_alice\",\"email\":\"alice@example.com\"}")
	record MintDevToken(
			@Schema(example = "user_alice") @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
					message = "must be 1-64 letters, digits, '_' or '-'") String userId,
			@Schema(example = "alice@example.com") @Nullable @Email @Size(max = 254) String email,
			@ArraySchema(
					arraySchema = @Schema(
							description = "Leave out for a reader; [\"moderator\"] for the moderation tools"),
					schema = @Schema(allowableValues = "moderator")) @Nullable @Size(max = 5) List<@Pattern(
							regexp = "moderator", message = "must be 'moderator'") String> roles) {

		MintDevToken {
			roles = (roles != null) ? roles : List.of();
		}

	}

	/**
	 * @param token the bearer token
	 * @param expiresAt when it expires
	 */
	record DevToken(String token, Instant expiresAt) {
	}

}
