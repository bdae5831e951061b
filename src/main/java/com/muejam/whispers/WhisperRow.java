package com.muejam.whispers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A whisper as stored.
 */
record WhisperRow(UUID id, UUID userId, String content, @Nullable String mediaKey, Scope scope, @Nullable UUID storyId,
		@Nullable UUID highlightId, @Nullable UUID parentId, int likeCount, int replyCount, boolean deleted,
		boolean hidden, Instant createdAt) {

	static final String COLUMNS = """
			w.id, w.user_id, w.content, w.media_key, w.scope, w.story_id, w.highlight_id, w.parent_id,
			w.like_count, w.reply_count, w.deleted_at is not null as deleted, w.hidden_at is not null as hidden,
			w.created_at""";

	static WhisperRow map(ResultSet rs, int rowNumber) throws SQLException {
		return new WhisperRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("content"), rs.getString("media_key"), Scope.valueOf(rs.getString("scope")),
				rs.getObject("story_id", UUID.class), rs.getObject("highlight_id", UUID.class),
				rs.getObject("parent_id", UUID.class), rs.getInt("like_count"), rs.getInt("reply_count"),
				rs.getBoolean("deleted"), rs.getBoolean("hidden"), rs.getTimestamp("created_at").toInstant());
	}

	boolean isVisible() {
		return !this.deleted && !this.hidden;
	}

	UUID rootId() {
		return (this.parentId != null) ? this.parentId : this.id;
	}

}
