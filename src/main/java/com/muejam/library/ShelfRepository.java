package com.muejam.library;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ShelfRepository extends JpaRepository<Shelf, UUID> {

	Optional<Shelf> findByIdAndUserId(UUID id, UUID userId);

	@Query("select count(s) > 0 from Shelf s where s.userId = :user and lower(s.name) = lower(:name) and s.id <> :except")
	boolean isNameTaken(@Param("user") UUID userId, @Param("name") String name, @Param("except") UUID exceptShelfId);

	long countByUserId(UUID userId);

}
