package com.muejam.users;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import com.muejam.core.security.AuthProperties;
import com.muejam.users.SignInQueries.Known;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What sign-in reads about a returning user (profile state, reading preferences, who is
 * hidden from them), remembered by this instance for a short while
 * ({@code muejam.auth.sign-in-memory}), so that a returning user's requests run no
 * statement for it. It was the only statement of a signed-in cached read, and one of two
 * of a library page.
 * <p>
 * <b>Changes.</b> Whatever changes that state calls {@link #changed} in its transaction:
 * once it commits, this instance forgets the users, and every other instance does when
 * the change reaches it over Redis ({@link SignInBroadcast}). A profile's save does so by
 * itself ({@link ProfileSaves}). A read that began before a change cannot put the old
 * state back: it is remembered only if no change was forgotten while it ran. An instance
 * that missed a message (Redis down) acts on the old state until the time-to-live ends.
 */
@Component
public class SignInMemory {

	private final Function<String, Optional<Known>> reader;

	private final SignInBroadcast broadcast;

	private final @Nullable Cache<String, Known> remembered;

	/** Counts the forgetting, so that a read overtaken by one is not remembered. */
	private final AtomicLong forgotten = new AtomicLong();

	@Autowired
	SignInMemory(SignInQueries queries, AuthProperties properties, SignInBroadcast broadcast, MeterRegistry meters) {
		this(queries::find, properties.signInMemory(), broadcast, Ticker.systemTicker());
		Cache<String, Known> memory = this.remembered;
		if (memory != null) {
			// muejam_sign_ins_total: sign-ins answered from memory (result="remembered")
			// and read from the database (result="read")
			FunctionCounter.builder("muejam.sign.ins", memory, (cache) -> cache.stats().hitCount())
				.tag("result", "remembered")
				.register(meters);
			FunctionCounter.builder("muejam.sign.ins", memory, (cache) -> cache.stats().missCount())
				.tag("result", "read")
				.register(meters);
		}
	}

	SignInMemory(Function<String, Optional<Known>> reader, AuthProperties.SignInMemorySettings settings,
			SignInBroadcast broadcast, Ticker ticker) {
		this.reader = reader;
		this.broadcast = broadcast;
		this.remembered = (settings.ttl().isPositive() && settings.maxEntries() > 0) ? Caffeine.newBuilder()
			.expireAfterWrite(settings.ttl())
			.maximumSize(settings.maxEntries())
			.ticker(ticker)
			.recordStats()
			.build() : null;
	}

	/**
	 * The sign-in state of a token's subject, from memory or read.
	 * @param subject the token's subject
	 * @return the state, empty before the user's first request
	 */
	Optional<Known> find(String subject) {
		Cache<String, Known> memory = this.remembered;
		if (memory == null) {
			return this.reader.apply(subject);
		}
		Known known = memory.getIfPresent(subject);
		if (known != null) {
			return Optional.of(known);
		}
		long before = this.forgotten.get();
		Optional<Known> read = this.reader.apply(subject);
		read.ifPresent((state) -> {
			// remembered only if no change was forgotten since the read began; one
			// forgotten while this runs removes it, or is seen by the check after
			memory.asMap().compute(subject, (key, current) -> (this.forgotten.get() == before) ? state : current);
			if (this.forgotten.get() != before) {
				memory.asMap().remove(subject, state);
			}
		});
		return read;
	}

	/**
	 * What sign-in reads about these users changed, or will when the current transaction
	 * commits: every instance forgets them then (at once, without a transaction).
	 * @param userIds the users
	 */
	public void changed(UUID... userIds) {
		Set<UUID> users = Set.copyOf(Arrays.asList(userIds));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					forgetEverywhere(users);
				}

			});
		}
		else {
			forgetEverywhere(users);
		}
	}

	private void forgetEverywhere(Set<UUID> users) {
		forget(users);
		this.broadcast.publish(users);
	}

	/**
	 * Forgets these users on this instance: another instance's change reached it.
	 * @param users the users
	 */
	void forget(Set<UUID> users) {
		this.forgotten.incrementAndGet();
		if (this.remembered != null) {
			this.remembered.asMap().values().removeIf((known) -> users.contains(known.id()));
		}
	}

	/**
	 * Forgets every user on this instance, as after the database was restored or emptied.
	 */
	public void forgetAll() {
		this.forgotten.incrementAndGet();
		if (this.remembered != null) {
			this.remembered.invalidateAll();
		}
	}

}
