package com.muejam.users;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An account its owner asked to delete.
 *
 * @param deletedAt when it was deleted (it disappeared then)
 * @param purgeAfter when its personal data is purged; until then POST /v1/me/restore
 * brings it back
 */
@Schema(name = "AccountDeletion")
record AccountView(Instant deletedAt, Instant purgeAfter) {
}
