package com.muejam.moderation;

/**
 * What a report is about, and the {@code reports} column that holds its id.
 */
enum TargetType {

	STORY("story_id"), CHAPTER("chapter_id"), WHISPER("whisper_id"), USER("reported_user_id");

	private final String column;

	TargetType(String column) {
		this.column = column;
	}

	/**
	 * The column of {@code reports} that references this kind of target.
	 * @return the column name
	 */
	String column() {
		return this.column;
	}

	/**
	 * Whether the target is content a moderator can hide (a user is not).
	 * @return {@code true} for stories, chapters and whispers
	 */
	boolean isContent() {
		return this != USER;
	}

}
