package com.muejam.discovery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts readers' signals in batches, off the request path. A signal is appended to the
 * inbox with the action that made it, so it is kept exactly when the save, read or like
 * is: by the library's own statement, or here in the caller's transaction; once that
 * commits, one listener thread counts everything in the inbox, batch by batch, one
 * statement each (at most one run per instance at a time: signals that arrive during a
 * run are counted by the next, together). Instances count side by side, each passing over
 * the signals another is counting. A run that fails leaves its batch in the inbox for the
 * next; what a stopped instance left is counted by the sweep.
 */
@Component
class SignalInbox {

	private static final Logger logger = LoggerFactory.getLogger(SignalInbox.class);

	private final SignalQueries queries;

	private final TaskExecutor executor;

	/** Starts a run after {@code muejam.discovery.signal-gathering}. */
	private final Executor gathering;

	private final int batchSize;

	/** Whether signals arrived since the last run started. */
	private final AtomicBoolean pending = new AtomicBoolean();

	/** Whether a run is due or running. */
	private final AtomicBoolean running = new AtomicBoolean();

	SignalInbox(SignalQueries queries, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			@Value("${muejam.discovery.signal-batch:1000}") int batchSize,
			@Value("${muejam.discovery.signal-gathering:200ms}") Duration gathering) {
		this.queries = queries;
		this.executor = executor;
		this.gathering = CompletableFuture.delayedExecutor(gathering.toMillis(), TimeUnit.MILLISECONDS);
		this.batchSize = batchSize;
	}

	/**
	 * Appends a signal in the caller's transaction, and counts it once that commits.
	 * @param signal the kind of engagement
	 * @param storyId the story
	 * @param userId the reader
	 * @param chapterId a first read's chapter, or {@code null}
	 * @param day the UTC day it counts for, or {@code null} for today's
	 */
	void append(Signal signal, UUID storyId, UUID userId, @Nullable UUID chapterId, @Nullable LocalDate day) {
		this.queries.append(signal, storyId, userId, chapterId, day);
		countAfterCommit();
	}

	/**
	 * Counts the inbox once the caller's transaction commits, or now without one: for
	 * signals the caller appended itself
	 * ({@link com.muejam.core.signals.SignalInboxSql}).
	 */
	void countAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				wake();
			}

		});
	}

	/**
	 * Counts what is left in the inbox: signals of an instance that stopped, or of a
	 * count that failed.
	 */
	@Scheduled(fixedDelayString = "${muejam.discovery.signal-sweep-interval:10s}", initialDelayString = "10s")
	void sweep() {
		wake();
	}

	/**
	 * Starts a run on a listener thread in a moment (gathering what else arrives till
	 * then), unless one is due or running: it counts these too.
	 */
	void wake() {
		this.pending.set(true);
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		this.gathering.execute(this::start);
	}

	private void start() {
		try {
			this.executor.execute(this::run);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the sweep counts them after the next start
			this.running.set(false);
		}
	}

	/**
	 * Counts everything in the inbox now, batch by batch.
	 * @return how many signals were counted
	 */
	int drainAll() {
		int total = 0;
		int taken;
		do {
			taken = this.queries.drain(this.batchSize);
			total += taken;
		}
		while (taken == this.batchSize);
		return total;
	}

	private void run() {
		this.pending.set(false);
		boolean failed = false;
		try {
			drainAll();
		}
		catch (RuntimeException ex) {
			failed = true;
			logger.warn("Counting readers' signals failed; they stay in the inbox for the next run", ex);
		}
		finally {
			this.running.set(false);
		}
		// what came while this run was due or running goes to the next, a moment later;
		// after a failure the next commit or the sweep tries again
		if (!failed && this.pending.get()) {
			wake();
		}
	}

}
