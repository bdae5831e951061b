package com.muejam.stories;

import java.util.Optional;
import java.util.UUID;

import com.muejam.core.database.InsertOperations;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface StoryRepository extends ListCrudRepository<Story, UUID>, InsertOperations<Story> {

	Optional<Story> findBySlug(String slug);

	boolean existsBySlug(String slug);

	/**
	 * The stories an author keeps, drafts and published, deleted ones not counted.
	 * @param authorId the author
	 * @return the count
	 */
	@Query("select count(*) from stories where author_id = :authorId and deleted_at is null")
	long countKeptBy(@Param("authorId") UUID authorId);

	/**
	 * Loads a story and locks its row, so that concurrent chapter creation numbers
	 * chapters one after another.
	 * @param id the story id
	 * @return the story
	 */
	@Query("select * from stories where id = :id for update")
	Optional<Story> findForUpdate(@Param("id") UUID id);

}
