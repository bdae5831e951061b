package com.muejam.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open event stream, read line by line on a background thread.
 */
public final class EventStream implements AutoCloseable {

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final Thread reader;

	public EventStream(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					this.lines.add(line);
				}
			}
			catch (Exception ex) {
				// the stream was closed
			}
		});
	}

	public int status() {
		return this.response.statusCode();
	}

	public String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	public String nextLine() throws InterruptedException {
		String line = this.lines.poll(5, TimeUnit.SECONDS);
		assertThat(line).as("a line within 5 seconds").isNotNull();
		return line;
	}

	public List<String> nextEvent() throws InterruptedException {
		List<String> event = new ArrayList<>();
		Duration limit = Duration.ofSeconds(5);
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
			if (line == null) {
				continue;
			}
			if (line.isEmpty()) {
				if (event.stream().anyMatch((l) -> l.startsWith("event:"))) {
					return event;
				}
				event.clear();
			}
			else {
				event.add(line);
			}
		}
		throw new AssertionError("no event within " + limit + ", got " + event);
	}

	@Override
	public void close() throws Exception {
		this.response.body().close();
		this.reader.interrupt();
	}

}
