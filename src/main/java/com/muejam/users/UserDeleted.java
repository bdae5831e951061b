package com.muejam.users;

import java.util.UUID;

/**
 * A user's account was deleted in Clerk and their profile anonymized. Content modules
 * react by removing or anonymizing what the user wrote.
 *
 * @param userId the anonymized profile's id
 */
public record UserDeleted(UUID userId) {
}
