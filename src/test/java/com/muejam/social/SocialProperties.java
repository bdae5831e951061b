package com.muejam.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.muejam.core.error.ApiException;
import com.muejam.core.security.CurrentUser;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed properties 20-24 against the real database, over random sequences of follow,
 * unfollow, block and unblock between two users: a follow exists exactly when the last
 * word was a follow that no block has cancelled, there is never more than one, and
 * follows are refused while a block stands.
 */
@IntegrationTest
class SocialProperties {

	private final ApplicationContext context = SpringContexts.of(SocialProperties.class);

	private final SocialService social = this.context.getBean(SocialService.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	@Property(tries = 40)
	void followsFollowTheRules(@ForAll("actions") List<Action> actions) {
		CurrentUser a = newUser();
		CurrentUser b = newUser();
		boolean aBlocksB = false;
		boolean bBlocksA = false;
		boolean aFollowsB = false;
		boolean bFollowsA = false;
		for (Action action : actions) {
			CurrentUser actor = action.byA() ? a : b;
			CurrentUser other = action.byA() ? b : a;
			boolean blocked = aBlocksB || bBlocksA;
			switch (action.kind()) {
				case FOLLOW -> {
					if (blocked) {
						assertThatThrownBy(() -> this.social.follow(actor, other.id()))
							.isInstanceOf(ApiException.class);
					}
					else {
						this.social.follow(actor, other.id());
						if (action.byA()) {
							aFollowsB = true;
						}
						else {
							bFollowsA = true;
						}
					}
				}
				case UNFOLLOW -> {
					this.social.unfollow(actor, other.id());
					if (action.byA()) {
						aFollowsB = false;
					}
					else {
						bFollowsA = false;
					}
				}
				case BLOCK -> {
					this.social.block(actor, other.id());
					aFollowsB = false;
					bFollowsA = false;
					if (action.byA()) {
						aBlocksB = true;
					}
					else {
						bBlocksA = true;
					}
				}
				case UNBLOCK -> {
					this.social.unblock(actor, other.id());
					if (action.byA()) {
						aBlocksB = false;
					}
					else {
						bBlocksA = false;
					}
				}
			}
			assertThat(follows(a, b)).isEqualTo(aFollowsB ? 1 : 0);
			assertThat(follows(b, a)).isEqualTo(bFollowsA ? 1 : 0);
			assertThat(this.social.isBlockedEitherWay(a.id(), b.id())).isEqualTo(aBlocksB || bBlocksA);
			assertThat(counter("follower_count", b)).isEqualTo(aFollowsB ? 1 : 0);
			assertThat(counter("following_count", a)).isEqualTo(aFollowsB ? 1 : 0);
		}
	}

	@Provide
	Arbitrary<List<Action>> actions() {
		Arbitrary<Action> action = net.jqwik.api.Combinators
			.combine(Arbitraries.of(Kind.class), Arbitraries.of(true, false))
			.as(Action::new);
		return action.list().ofMinSize(1).ofMaxSize(12).map(ArrayList::new);
	}

	private long follows(CurrentUser follower, CurrentUser following) {
		return this.jdbc.sql("select count(*) from follows where follower_id = :a and following_id = :b")
			.param("a", follower.id())
			.param("b", following.id())
			.query(Long.class)
			.single();
	}

	private int counter(String column, CurrentUser user) {
		return this.jdbc.sql("select " + column + " from user_profiles where id = :id")
			.param("id", user.id())
			.query(Integer.class)
			.single();
	}

	private CurrentUser newUser() {
		return this.profiles.signIn("user_graph_" + UUID.randomUUID(), null, null, Set.of());
	}

	enum Kind {

		FOLLOW, UNFOLLOW, BLOCK, UNBLOCK

	}

	record Action(Kind kind, boolean byA) {
	}

}
