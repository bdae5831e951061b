package com.muejam.library;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reader's named shelf of stories. Private to its owner.
 */
@Entity
@Table(name = "shelves")
class Shelf {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(nullable = false)
	private String name;

	@Column(name = "item_count", nullable = false, insertable = false, updatable = false)
	private int itemCount;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
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
