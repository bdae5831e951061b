package com.muejam.stories;

import java.util.UUID;

import com.muejam.core.database.InsertOperations;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface ChapterRepository extends ListCrudRepository<Chapter, UUID>, InsertOperations<Chapter> {

	/**
	 * The highest chapter number a story has used, deleted chapters included (numbers are
	 * never reused).
	 * @param storyId the story
	 * @return the number, 0 for a story without chapters
	 */
	@Query("select coalesce(max(chapter_number), 0) from chapters where story_id = :storyId")
	int highestNumber(@Param("storyId") UUID storyId);

	/**
	 * The chapters a story keeps, deleted ones not counted.
	 * @param storyId the story
	 * @return the count
	 */
	@Query("select count(*) from chapters where story_id = :storyId and deleted_at is null")
	long countKept(@Param("storyId") UUID storyId);

}
