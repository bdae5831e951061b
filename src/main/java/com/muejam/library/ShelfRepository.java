package com.muejam.library;

import java.util.List;
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

	@Query(nativeQuery = true, value = """
			select * from shelves where user_id = :user
			order by created_at desc, id desc limit :limit""")
	List<Shelf> firstPage(@Param("user") UUID userId, @Param("limit") int limit);

	@Query(nativeQuery = true, value = """
			select * from shelves where user_id = :user and (created_at, id) < (:at, :id)
			order by created_at desc, id desc limit :limit""")
	List<Shelf> pageAfter(@Param("user") UUID userId, @Param("at") java.time.Instant at, @Param("id") UUID id,
			@Param("limit") int limit);

}
