package com.muejam.stories;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StoryRepository extends JpaRepository<Story, UUID> {

	Optional<Story> findBySlug(String slug);

	boolean existsBySlug(String slug);

	/**
	 * The stories an author keeps, drafts and published, deleted ones not counted.
	 * @param authorId the author
	 * @return the count
	 */
	@Query("select count(s) from Story s where s.authorId = :authorId and s.publication.deletedAt is null")
	long countKeptBy(@Param("authorId") UUID authorId);

	/**
	 * Loads a story and locks its row, so that concurrent chapter creation numbers
	 * chapters one after another.
	 * @param id the story id
	 * @return the story
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Story s where s.id = :id")
	Optional<Story> findForUpdate(@Param("id") UUID id);

}
