package com.muejam.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints p50 / p95 / p99 and the error count per request type from a Gatling report's
 * {@code js/stats.json} (Gatling's default percentiles are 50, 75, 95 and 99).
 */
public final class ReportSummary {

	private ReportSummary() {
	}

	public static void main(String[] args) throws IOException {
		JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of(args[0], "js", "stats.json")));
		System.out.printf("%-20s %9s %7s %7s %7s %7s%n", "request", "count", "KO", "p50", "p95", "p99");
		print("all", root.get("stats"));
		for (Map.Entry<String, JsonNode> content : root.get("contents").properties()) {
			print(content.getValue().get("name").asText(), content.getValue().get("stats"));
		}
	}

	private static void print(String name, JsonNode stats) {
		System.out.printf("%-20s %9d %7d %5d ms %4d ms %4d ms%n", name, stats.at("/numberOfRequests/total").asLong(),
				stats.at("/numberOfRequests/ko").asLong(), stats.at("/percentiles1/total").asLong(),
				stats.at("/percentiles3/total").asLong(), stats.at("/percentiles4/total").asLong());
	}

}
