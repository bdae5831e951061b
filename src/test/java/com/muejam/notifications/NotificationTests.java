package com.muejam.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.social.UserFollowed;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.whispers.WhisperReplied;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class NotificationTests {

	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationTriggers triggers;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	LogEmailSender sentEmails;

	/**
	 * These readers take their emails one at a time: the digest (weekly by default) would
	 * gather them ({@code DigestTests}).
	 */
	@BeforeEach
	void singleEmails() {
		this.fixtures.singleEmails("user_alice");
		this.fixtures.singleEmails("user_bob");
	}

	@Test
	void aReplyNotifiesTheParentAuthorAndQueuesAnEmail() {
		String root = whisper("user_alice", "Thoughts?");
		reply("user_bob", root, "Mine!");
		JsonNode notification = awaitNotifications("user_alice", 1).get(0);
		assertThat(notification.path("type").asString()).isEqualTo("REPLY");
		assertThat(notification.path("actor").path("handle").asString()).startsWith("user_bob");
		assertThat(notification.path("whisper_id").isNull()).isFalse();
		assertThat(notification.path("read_at").isNull()).isTrue();
		assertThat(outboxRows()).isEqualTo(1);
		this.outbox.sendDue();
		EmailMessage email = this.sentEmails.recent().getFirst();
		assertThat(email.to()).isEqualTo("user_alice@example.com");
		assertThat(email.subject()).contains("replied to your whisper");
		assertThat(email.headers().get("List-Unsubscribe")).contains("/v1/email/unsubscribe?token=");
		assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
	}

	@Test
	void repliesToYourselfAndAcrossBlocksNotifyNobody() {
		String root = whisper("user_alice", "Talking to myself");
		reply("user_alice", root, "Indeed");
		String other = whisper("user_carol", "Carol here");
		String carol = this.fixtures.me("user_carol").path("id").asString();
		reply("user_dave", other, "Before the block");
		awaitNotifications("user_carol", 1);
		this.api.post("/v1/users/" + this.fixtures.me("user_dave").path("id").asString() + "/block")
			.as("user_carol")
			.send();
		triggers().on(new WhisperReplied(UUID.randomUUID(), UUID.fromString(other), UUID.fromString(other),
				UUID.fromString(carol), UUID.fromString(this.fixtures.me("user_dave").path("id").asString())));
		assertThat(list("user_alice").size()).isZero();
		assertThat(list("user_carol").size()).isEqualTo(1);
	}

	@Test
	void followSpamNotifiesOncePerDay() {
		String alice = this.fixtures.me("user_alice").path("id").asString();
		for (int i = 0; i < 3; i++) {
			this.api.post("/v1/users/" + alice + "/follow").as("user_fan").send();
			this.api.delete("/v1/users/" + alice + "/follow").as("user_fan").send();
		}
		JsonNode notifications = awaitNotifications("user_alice", 1);
		assertThat(notifications.get(0).path("type").asString()).isEqualTo("FOLLOW");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> list("user_alice").size() == 1);
	}

	@Test
	void theSameEventNeverNotifiesOrEmailsTwice() {
		UUID alice = UUID.fromString(this.fixtures.me("user_alice").path("id").asString());
		UUID bob = UUID.fromString(this.fixtures.me("user_bob").path("id").asString());
		UserFollowed event = new UserFollowed(bob, alice);
		triggers().on(event);
		triggers().on(event);
		WhisperReplied reply = new WhisperReplied(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), alice, bob);
		triggers().on(reply);
		triggers().on(reply);
		assertThat(list("user_alice").size()).isEqualTo(2);
		assertThat(outboxRows()).isEqualTo(2);
		this.outbox.sendDue();
		this.outbox.sendDue();
		assertThat(this.sentEmails.recent()
			.stream()
			.filter((m) -> m.idempotencyKey().startsWith("notification-"))
			.map(EmailMessage::idempotencyKey)
			.filter(this::isQueuedNow)
			.count()).isEqualTo(2);
	}

	@Test
	void readingMarksAndCountsUnread() {
		UUID alice = UUID.fromString(this.fixtures.me("user_alice").path("id").asString());
		for (int i = 0; i < 3; i++) {
			UUID fan = UUID.fromString(this.fixtures.me("user_fan_" + i).path("id").asString());
			triggers().on(new UserFollowed(fan, alice));
		}
		assertThat(unread("user_alice")).isEqualTo(3);
		String first = list("user_alice").get(0).path("id").asString();
		Api.Reply read = this.api.post("/v1/notifications/" + first + "/read").as("user_alice").send();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("read_at").isNull()).isFalse();
		assertThat(unread("user_alice")).isEqualTo(2);
		assertThat(this.api.post("/v1/notifications/" + first + "/read").as("user_bob").send().status()).isEqualTo(404);
		assertThat(this.api.post("/v1/notifications/read-all").as("user_alice").send().json().path("updated").asInt())
			.isEqualTo(2);
		assertThat(unread("user_alice")).isZero();
		assertThat(this.api.get("/v1/notifications").send().status()).isEqualTo(401);
		assertThat(this.api.get("/v1/notifications/unread-count").send().status()).isEqualTo(401);
	}

	@Test
	void emailSettingsDefaultOnCanBeSwitchedOffAndAreHonoured() {
		JsonNode defaults = this.api.get("/v1/me/notification-settings").as("user_alice").send().json();
		assertThat(defaults.path("email_reply").asBoolean()).isTrue();
		assertThat(defaults.path("email_follow").asBoolean()).isTrue();
		Api.Reply off = this.api.put("/v1/me/notification-settings")
			.as("user_alice")
			.json(Map.of("email_reply", true, "email_follow", false))
			.send();
		assertThat(off.json().path("email_follow").asBoolean()).isFalse();
		Api.Reply invalid = this.api.put("/v1/me/notification-settings")
			.as("user_alice")
			.json(Map.of("email_reply", "yes"))
			.send();
		assertThat(invalid.status()).isEqualTo(400);
		UUID alice = UUID.fromString(this.fixtures.me("user_alice").path("id").asString());
		triggers().on(new UserFollowed(UUID.fromString(this.fixtures.me("user_bob").path("id").asString()), alice));
		assertThat(list("user_alice").size()).isEqualTo(1);
		assertThat(outboxRows()).isZero();
	}

	@Test
	void theSignedUnsubscribeLinkSwitchesThatEmailOffWithoutLogin() {
		String root = whisper("user_alice", "Unsubscribe me");
		reply("user_bob", root, "Ping");
		awaitNotifications("user_alice", 1);
		this.outbox.sendDue();
		String link = this.sentEmails.recent().getFirst().headers().get("List-Unsubscribe");
		String path = link.substring(link.indexOf("/v1/"), link.length() - 1);
		// RFC 8058: the mail client posts List-Unsubscribe=One-Click to the header's URL
		Api.Reply oneClick = this.api.post(path)
			.raw("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.send();
		assertThat(oneClick.status()).isEqualTo(200);
		assertThat(oneClick.json().path("unsubscribed").asString()).isEqualTo("REPLY");
		JsonNode settings = this.api.get("/v1/me/notification-settings").as("user_alice").send().json();
		assertThat(settings.path("email_reply").asBoolean()).isFalse();
		assertThat(settings.path("email_follow").asBoolean()).isTrue();
		String forged = path.substring(0, path.length() - 3) + "abc";
		assertThat(this.api.get(forged).send().status()).isEqualTo(400);
	}

	@Test
	void openingTheUnsubscribeLinkOnlyAsksForConfirmation() {
		String root = whisper("user_alice", "Scanned link");
		reply("user_bob", root, "Ping");
		awaitNotifications("user_alice", 1);
		this.outbox.sendDue();
		EmailMessage email = this.sentEmails.recent().getFirst();
		String link = email.headers().get("List-Unsubscribe");
		String path = link.substring(link.indexOf("/v1/"), link.length() - 1);
		assertThat(email.html()).contains(HtmlUtils.htmlEscape(link.substring(1, link.length() - 1)));
		Api.Reply page = this.api.get(path).header("Accept", BROWSER_ACCEPT).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
		Element form = Jsoup.parse(page.text(), "https://muejam.test" + path).selectFirst("form");
		assertThat(form).isNotNull();
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		// posts back to the very link the email carries (a relative URL, behind any
		// proxy)
		assertThat(form.absUrl("action")).isEqualTo("https://muejam.test" + path);
		assertThat(form.select("button[type=submit]")).hasSize(1);
		// a link scanner following the link changes nothing
		JsonNode settings = this.api.get("/v1/me/notification-settings").as("user_alice").send().json();
		assertThat(settings.path("email_reply").asBoolean()).isTrue();
		// the button posts the form, as a browser does
		Api.Reply done = this.api.post(path)
			.header("Accept", BROWSER_ACCEPT)
			.raw("application/x-www-form-urlencoded", "")
			.send();
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.header("Content-Type")).startsWith("text/html");
		settings = this.api.get("/v1/me/notification-settings").as("user_alice").send().json();
		assertThat(settings.path("email_reply").asBoolean()).isFalse();
		String forged = path.substring(0, path.length() - 3) + "abc";
		assertThat(this.api.get(forged).header("Accept", BROWSER_ACCEPT).send().errorCode())
			.isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void sixRepliesWithinAnHourSendFiveEmailsAndFoldTheRestIntoOne() {
		for (int i = 0; i < 6; i++) {
			reply("user_replier_" + i, whisper("user_alice", "Thought " + i), "Reply " + i);
		}
		awaitNotifications("user_alice", 6);
		assertThat(outboxRows()).isEqualTo(6);
		this.outbox.sendDue();
		assertThat(emailsTo("user_alice@example.com")).hasSize(5)
			.allSatisfy((email) -> assertThat(email.subject()).contains("replied to your whisper"));
		// the folded email waits for the end of the window, then says how many more
		makeEveryEmailDue();
		this.outbox.sendDue();
		List<EmailMessage> emails = emailsTo("user_alice@example.com");
		assertThat(emails).hasSize(6);
		EmailMessage folded = emails.getFirst();
		assertThat(folded.subject()).isEqualTo("And 1 more reply to your whispers");
		assertThat(folded.text()).contains("1 more reply");
		assertThat(folded.headers().get("List-Unsubscribe")).contains("/v1/email/unsubscribe?token=");
	}

	@Test
	void repliesToOneWhisperAreEmailedOnceAWindow() {
		String root = whisper("user_alice", "One thread");
		reply("user_bob", root, "First");
		reply("user_carol", root, "Second");
		reply("user_dave", root, "Third");
		awaitNotifications("user_alice", 3);
		makeEveryEmailDue();
		this.outbox.sendDue();
		List<EmailMessage> emails = emailsTo("user_alice@example.com");
		assertThat(emails).hasSize(2);
		assertThat(emails.getLast().subject()).endsWith("replied to your whisper");
		assertThat(emails.getFirst().subject()).isEqualTo("And 2 more replies to your whispers");
	}

	private String whisper(String user, String content) {
		return this.api.post("/v1/whispers")
			.as(user)
			.json(Map.of("content", content))
			.send()
			.json()
			.path("id")
			.asString();
	}

	private void reply(String user, String parent, String content) {
		assertThat(this.api.post("/v1/whispers/" + parent + "/replies")
			.as(user)
			.json(Map.of("content", content))
			.send()
			.status()).isEqualTo(201);
	}

	private JsonNode awaitNotifications(String user, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> list(user).size() >= count);
		return list(user);
	}

	private JsonNode list(String user) {
		return this.api.get("/v1/notifications").as(user).send().json().path("data");
	}

	private long unread(String user) {
		return this.api.get("/v1/notifications/unread-count").as(user).send().json().path("unread_count").asLong();
	}

	private boolean isQueuedNow(String idempotencyKey) {
		return this.jdbc.sql("select count(*) from email_outbox where idempotency_key = :key and status = 'SENT'")
			.param("key", idempotencyKey)
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * The emails of this test (the log sender also remembers earlier tests') to one
	 * address, newest first.
	 */
	private List<EmailMessage> emailsTo(String address) {
		return this.sentEmails.recent()
			.stream()
			.filter((email) -> email.to().equals(address) && isQueuedNow(email.idempotencyKey()))
			.toList();
	}

	private void makeEveryEmailDue() {
		this.jdbc.sql("update email_outbox set next_attempt_at = now() where status = 'PENDING'").update();
	}

	private long outboxRows() {
		return this.jdbc.sql("select count(*) from email_outbox").query(Long.class).single();
	}

	/**
	 * The listener itself, called synchronously (through its proxy it runs asynchronously
	 * after commit, as events do).
	 */
	private NotificationTriggers triggers() {
		return AopTestUtils.getUltimateTargetObject(this.triggers);
	}

}
