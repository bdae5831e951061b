package com.muejam.core.signals;

/**
 * The SQL that appends readers' signals to {@code signal_inbox}: a save, a chapter's
 * first read of a day, a completed read, a like, a story whisper. Discovery counts the
 * inbox in batches; the modules whose actions are signals append them, each in the
 * statement or transaction that makes the action, so that a signal is kept exactly when
 * its action is. A write that is one statement appends its signal in that statement (a
 * data-modifying {@code with} clause), in no extra round trip and no transaction.
 */
public final class SignalInboxSql {

	/**
	 * The start of an insert of signals; {@code values} or a {@code select} of the kind
	 * ({@code 'SAVE'}, {@code 'READ'}, {@code 'COMPLETE_READ'}, {@code 'LIKE'} or
	 * {@code 'WHISPER'}, which the table checks), the story, the reader, a first read's
	 * chapter (or null) and the UTC day the signal counts for follows.
	 */
	public static final String INSERT = "insert into signal_inbox (kind, story_id, user_id, chapter_id, day) ";

	/** Today in UTC: the day a signal counts for unless its action says otherwise. */
	public static final String TODAY = "cast(timezone('UTC', now()) as date)";

	private SignalInboxSql() {
	}

}
