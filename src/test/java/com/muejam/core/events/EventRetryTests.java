package com.muejam.core.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.core.events.FlakySideEffect.SomethingHappened;
import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EventRetryTests {

	/** The delays between attempts with the defaults: 1 min doubling, capped at 1 h. */
	private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
			Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
			Duration.ofMinutes(60));

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FlakySideEffect sideEffect;

	@Autowired
	EventRetryJob job;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void failing() {
		this.sideEffect.reset();
	}

	@Test
	void failingListenerIsRetriedWithGrowingDelaysThenParkedAndCanBeResubmitted(CapturedOutput output) {
		double parkedBefore = parkedTotal();
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new SomethingHappened("poison")));
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts() == 1 && "FAILED".equals(status()));
		UUID id = publicationId();
		for (int attempt = 1; attempt < 8; attempt++) {
			Instant due = lastAttempt().plus(DELAYS.get(attempt - 1));
			this.job.retry(due.minusSeconds(1));
			assertThat(attempts()).as("not due before %s after attempt %d", DELAYS.get(attempt - 1), attempt)
				.isEqualTo(attempt);
			this.job.retry(due);
			int next = attempt + 1;
			await().atMost(Duration.ofSeconds(10)).until(() -> attempts() == next && "FAILED".equals(status()));
			assertThat(this.sideEffect.attempts()).isEqualTo(next);
		}
		this.job.retry(lastAttempt().plus(Duration.ofDays(30)));
		assertThat(attempts()).isEqualTo(8);
		assertThat(this.sideEffect.attempts()).isEqualTo(8);
		assertThat(parkedTotal() - parkedBefore).isEqualTo(1.0);
		assertThat(this.meters.get("muejam.events.parked").gauge().value()).isEqualTo(1.0);
		assertThat(output.getOut()).contains("Parked event publication " + id)
			.contains(SomethingHappened.class.getName())
			.contains("FlakySideEffect.on");

		assertThat(this.api.get("/v1/admin/events/parked").as("user_reader").send().status()).isEqualTo(403);
		Api.Reply parked = this.api.get("/v1/admin/events/parked").as("user_ops", "moderator").send();
		assertThat(parked.status()).as(parked.toString()).isEqualTo(200);
		assertThat(parked.json().path("data")).hasSize(1);
		assertThat(parked.json().path("data").get(0).path("id").asString()).isEqualTo(id.toString());
		assertThat(parked.json().path("data").get(0).path("event_type").asString())
			.isEqualTo(SomethingHappened.class.getName());
		assertThat(parked.json().path("data").get(0).path("attempts").asInt()).isEqualTo(8);

		this.sideEffect.fixed();
		Api.Reply resubmitted = this.api.post("/v1/admin/events/parked/" + id + "/resubmit")
			.as("user_ops", "moderator")
			.send();
		assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> publications("poison", "true") == 0);
		assertThat(this.sideEffect.completed()).isEqualTo(1);
		assertThat(this.api.get("/v1/admin/events/parked").as("user_ops", "moderator").send().json().path("data"))
			.isEmpty();
		assertThat(this.meters.get("muejam.events.parked").gauge().value()).isZero();
	}

	@Test
	void aCompletedPublicationLeavesNoRowBehind() {
		this.sideEffect.fixed();
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new SomethingHappened("fine")));
		await().atMost(Duration.ofSeconds(10)).until(() -> publications("fine", "completion_date is null") == 0);
		assertThat(this.sideEffect.completed()).isEqualTo(1);
		assertThat(publications("fine", "true")).as("completed publications of the event").isZero();
	}

	@Test
	void resubmittingAnUnknownOrUnparkedPublicationIsNotFound() {
		Api.Reply missing = this.api.post("/v1/admin/events/parked/" + UUID.randomUUID() + "/resubmit")
			.as("user_ops", "moderator")
			.send();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(this.api.post("/v1/admin/events/parked/" + UUID.randomUUID() + "/resubmit")
			.as("user_reader")
			.send()
			.status()).isEqualTo(403);
	}

	private double parkedTotal() {
		var counter = this.meters.find("muejam.events.park").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private int attempts() {
		return this.jdbc.sql("select completion_attempts from event_publication where event_type = :type")
			.param("type", SomethingHappened.class.getName())
			.query(Integer.class)
			.single();
	}

	private String status() {
		return this.jdbc.sql("select status from event_publication where event_type = :type")
			.param("type", SomethingHappened.class.getName())
			.query(String.class)
			.single();
	}

	private Instant lastAttempt() {
		return this.jdbc.sql("select last_resubmission_date from event_publication where event_type = :type")
			.param("type", SomethingHappened.class.getName())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private int publications(String what, String condition) {
		return this.jdbc
			.sql("select count(*) from event_publication where serialized_event like :what and " + condition)
			.param("what", "%\"" + what + "\"%")
			.query(Integer.class)
			.single();
	}

	private UUID publicationId() {
		return this.jdbc.sql("select id from event_publication where event_type = :type")
			.param("type", SomethingHappened.class.getName())
			.query(UUID.class)
			.single();
	}

}
