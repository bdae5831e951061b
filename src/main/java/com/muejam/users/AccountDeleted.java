package com.muejam.users;

import org.springframework.security.authentication.DisabledException;

/**
 * A token of a user whose account was deleted: refused like an invalid token.
 */
class AccountDeleted extends DisabledException {

	AccountDeleted() {
		super("This account was deleted");
	}

}
