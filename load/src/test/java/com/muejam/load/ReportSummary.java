package com.muejam.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the count, errors and p50 / p95 / p99 per request type from a Gatling report's
 * {@code index.html} (Gatling 3.15 writes no {@code stats.json} any more), and with
 * {@code --per-minute} the p99 of each minute of the run: the worst of that minute's
 * per-second p99s of successful requests (the report's "Response Time Percentiles over
 * Time" chart).
 */
public final class ReportSummary {

	private static final Pattern ROW = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>",
			Pattern.DOTALL);

	private static final Pattern P99_SERIES = Pattern.compile("name: '99%',\\s*data: \\[(.*?)\\]\\s*,?\\s*\\n",
			Pattern.DOTALL);

	private static final Pattern POINT = Pattern.compile("\\[(\\d+), (\\d+)\\]");

	private ReportSummary() {
	}

	public static void main(String[] args) throws IOException {
		String report = Files.readString(Path.of(args[0], "index.html"));
		System.out.printf("%-20s %9s %7s %7s %7s %7s%n", "request", "count", "KO", "p50", "p95", "p99");
		Matcher row = ROW.matcher(report);
		while (row.find()) {
			String cells = row.group(2);
			System.out.printf("%-20s %9s %7s %4s ms %4s ms %4s ms%n", row.group(1), cell(cells, 2), cell(cells, 4),
					cell(cells, 8), cell(cells, 10), cell(cells, 11));
		}
		if (args.length > 1 && args[1].equals("--per-minute")) {
			perMinute(report);
		}
	}

	private static String cell(String cells, int column) {
		Matcher value = Pattern.compile("col-" + column + "\">([^<]*)<").matcher(cells);
		return value.find() ? value.group(1) : "?";
	}

	private static void perMinute(String report) {
		Matcher series = P99_SERIES.matcher(report);
		if (!series.find()) {
			System.out.println("no p99-over-time series in the report");
			return;
		}
		Map<Long, Integer> worst = new TreeMap<>();
		long first = -1;
		Matcher point = POINT.matcher(series.group(1));
		while (point.find()) {
			long second = Long.parseLong(point.group(1)) / 1000;
			first = (first < 0) ? second : first;
			worst.merge((second - first) / 60 + 1, Integer.parseInt(point.group(2)), Math::max);
		}
		worst.forEach((minute, p99) -> System.out.printf("minute %d: p99 %d ms%n", minute, p99));
	}

}
