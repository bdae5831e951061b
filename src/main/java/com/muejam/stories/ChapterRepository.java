package com.muejam.stories;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChapterRepository extends JpaRepository<Chapter, UUID> {

	/**
	 * The highest chapter number a story has used, deleted chapters included (numbers are
	 * never reused).
	 * @param storyId the story
	 * @return the number, 0 for a story without chapters
	 */
	@Query("select coalesce(max(c.number), 0) from Chapter c where c.storyId = :storyId")
	int highestNumber(@Param("storyId") UUID storyId);

	/**
	 * The chapters a story keeps, deleted ones not counted.
	 * @param storyId the story
	 * @return the count
	 */
	@Query("select count(c) from Chapter c where c.storyId = :storyId and c.publication.deletedAt is null")
	long countKept(@Param("storyId") UUID storyId);

}
