package com.muejam.users;

import java.time.Clock;

import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' preferences: what their lists, feeds and searches leave out. Requests read
 * them with the sign-in ({@link SignInQueries}); this changes them.
 */
@Service
class PreferenceService {

	private final PreferenceQueries queries;

	private final SignInMemory signIns;

	private final Clock clock;

	PreferenceService(PreferenceQueries queries, SignInMemory signIns, Clock clock) {
		this.queries = queries;
		this.signIns = signIns;
		this.clock = clock;
	}

	/**
	 * Changes the fields a reader sent, keeping the others.
	 * @param reader the caller
	 * @param changes what to change
	 * @return the preferences now
	 */
	@Transactional
	ReaderPreferences update(CurrentUser reader, PreferencesView.Update changes) {
		ReaderPreferences updated = changes.applyTo(this.queries.find(reader.id()));
		this.queries.save(reader.id(), updated, this.clock.instant());
		// every request signs in with them
		this.signIns.changed(reader.id());
		return updated;
	}

}
