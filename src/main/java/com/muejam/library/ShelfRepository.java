package com.muejam.library;

import java.util.Optional;
import java.util.UUID;

import com.muejam.core.database.InsertOperations;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface ShelfRepository extends ListCrudRepository<Shelf, UUID>, InsertOperations<Shelf> {

	Optional<Shelf> findByIdAndUserId(UUID id, UUID userId);

	@Query("""
			select exists (select 1 from shelves
			where user_id = :user and lower(name) = lower(:name) and id <> :except)""")
	boolean isNameTaken(@Param("user") UUID userId, @Param("name") String name, @Param("except") UUID exceptShelfId);

	long countByUserId(UUID userId);

}
