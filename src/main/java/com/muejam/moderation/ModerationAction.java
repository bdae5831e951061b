package com.muejam.moderation;

/**
 * What a moderator did, as the audit log records it: a decision on a report, or lifting a
 * suspension outside of one.
 */
enum ModerationAction {

	DISMISS, HIDE_CONTENT, SUSPEND_USER, UNSUSPEND_USER;

	/**
	 * The audit log's name for a decision on a report.
	 * @param decision the decision
	 * @return the action
	 */
	static ModerationAction of(Decision decision) {
		return switch (decision) {
			case DISMISS -> DISMISS;
			case HIDE_CONTENT -> HIDE_CONTENT;
			case SUSPEND_USER -> SUSPEND_USER;
		};
	}

}
