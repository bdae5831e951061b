package com.muejam.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.muejam.core.security.AuthProperties;
import com.muejam.core.visibility.HiddenPeople;
import com.muejam.core.visibility.ReaderPreferences;
import com.muejam.users.SignInQueries.Known;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the sign-in memory, without a database: a returning user is read once per
 * time-to-live; a change is forgotten here and sent to the other instances once its
 * transaction commits, never before; and a read overtaken by a change does not put the
 * old state back.
 */
class SignInMemoryTests {

	private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	private final AtomicLong nanos = new AtomicLong();

	private final AtomicInteger reads = new AtomicInteger();

	private final List<Set<UUID>> sent = new ArrayList<>();

	private boolean suspended;

	private Function<String, Optional<Known>> database = (subject) -> {
		this.reads.incrementAndGet();
		return Optional.of(known(subject.equals("user_alice") ? ALICE : BOB, this.suspended));
	};

	private SignInMemory memory(Duration ttl) {
		return new SignInMemory((subject) -> this.database.apply(subject),
				new AuthProperties.SignInMemorySettings(ttl, 100), this.sent::add, this.nanos::get);
	}

	@Test
	void aReturningUserIsReadOncePerTimeToLive() {
		SignInMemory memory = memory(Duration.ofSeconds(10));
		memory.find("user_alice");
		memory.find("user_alice");
		this.nanos.addAndGet(Duration.ofSeconds(9).toNanos());
		memory.find("user_alice");
		assertThat(this.reads).hasValue(1);
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		memory.find("user_alice");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void withoutATimeToLiveEveryRequestReads() {
		SignInMemory memory = memory(Duration.ZERO);
		memory.find("user_alice");
		memory.find("user_alice");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aChangeForgetsItsUsersOnlyAndIsSentToTheOtherInstances() {
		SignInMemory memory = memory(Duration.ofHours(1));
		memory.find("user_alice");
		memory.find("user_bob");
		this.suspended = true;
		memory.changed(ALICE);
		assertThat(memory.find("user_alice")).get().extracting(Known::suspended).isEqualTo(true);
		assertThat(memory.find("user_bob")).get().extracting(Known::suspended).isEqualTo(false);
		assertThat(this.reads).hasValue(3);
		assertThat(this.sent).containsExactly(Set.of(ALICE));
	}

	@Test
	void inATransactionTheChangeIsForgottenWhenItCommitsNotBefore() {
		SignInMemory memory = memory(Duration.ofHours(1));
		memory.find("user_alice");
		TransactionSynchronizationManager.initSynchronization();
		try {
			memory.changed(ALICE);
			// not committed yet: a request now still signs in with what is committed
			memory.find("user_alice");
			assertThat(this.reads).hasValue(1);
			assertThat(this.sent).isEmpty();
			this.suspended = true;
			TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(memory.find("user_alice")).get().extracting(Known::suspended).isEqualTo(true);
		assertThat(this.sent).containsExactly(Set.of(ALICE));
	}

	@Test
	void aReadOvertakenByAChangeIsNotRemembered() {
		SignInMemory memory = memory(Duration.ofHours(1));
		Function<String, Optional<Known>> committed = this.database;
		// the read gets the state before the change; the change commits and is forgotten
		// before the read puts what it got
		this.database = (subject) -> {
			Optional<Known> before = committed.apply(subject);
			this.suspended = true;
			memory.forget(Set.of(ALICE));
			return before;
		};
		assertThat(memory.find("user_alice")).get().extracting(Known::suspended).isEqualTo(false);
		this.database = committed;
		assertThat(memory.find("user_alice")).get().extracting(Known::suspended).isEqualTo(true);
	}

	@Test
	void forgettingEveryoneReadsEveryoneAgain() {
		SignInMemory memory = memory(Duration.ofHours(1));
		memory.find("user_alice");
		memory.find("user_bob");
		memory.forgetAll();
		memory.find("user_alice");
		memory.find("user_bob");
		assertThat(this.reads).hasValue(4);
	}

	private static Known known(UUID id, boolean suspended) {
		return new Known(id, id + "@example.com", false, suspended, false, false, ReaderPreferences.ANONYMOUS,
				new HiddenPeople(Set.of(), Set.of()));
	}

}
