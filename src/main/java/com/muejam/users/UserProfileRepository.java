package com.muejam.users;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface UserProfileRepository extends ListCrudRepository<UserProfile, UUID> {

	Optional<UserProfile> findByClerkUserId(String clerkUserId);

	@Query("select * from user_profiles where lower(handle) = :handle and deleted_at is null")
	Optional<UserProfile> findActiveByNormalizedHandle(@Param("handle") String normalizedHandle);

	@Query("select exists (select 1 from user_profiles where lower(handle) = :handle and id <> :id)")
	boolean isHandleTakenByOther(@Param("handle") String normalizedHandle, @Param("id") UUID id);

	List<UserProfile> findByIdIn(Collection<UUID> ids);

	/**
	 * Accounts whose owners deleted them and whose grace period ended.
	 */
	List<UserProfile> findByPurgeAfterLessThanEqual(Instant moment, Limit limit);

	@Modifying
	@Query("""
			update user_profiles set
			  following_count = following_count + case when id = :follower then :delta else 0 end,
			  follower_count = follower_count + case when id = :following then :delta else 0 end
			where id in (:follower, :following)""")
	void countFollow(@Param("follower") UUID followerId, @Param("following") UUID followingId,
			@Param("delta") int delta);

	/**
	 * Creates a profile unless one exists for the Clerk user or the handle is taken; safe
	 * when two first requests of the same user race.
	 * @return 1 if the row was inserted, 0 otherwise
	 */
	@Modifying
	@Query("""
			insert into user_profiles (id, clerk_user_id, handle, display_name, email, role, created_at, updated_at)
			values (gen_random_uuid(), :clerkUserId, :handle, :displayName, :email, 'USER', now(), now())
			on conflict do nothing""")
	int insertIfAbsent(@Param("clerkUserId") String clerkUserId, @Param("handle") String handle,
			@Param("displayName") String displayName, @Param("email") @Nullable String email);

}
