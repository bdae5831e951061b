package com.muejam.library;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A reader's named shelf of stories. Private to its owner.
 */
@Table("shelves")
class Shelf {

	@Id
	private UUID id;

	@Column("user_id")
	private UUID userId;

	private String name;

	@ReadOnlyProperty
	@Column("item_count")
	private int itemCount;

	@Column("created_at")
	private Instant createdAt;

	@Column("updated_at")
	private Instant updatedAt;

	protected Shelf() {
	}

	Shelf(UUID userId, String name, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.name = name;
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID userId() {
		return this.userId;
	}

	String name() {
		return this.name;
	}

	int itemCount() {
		return this.itemCount;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

}
