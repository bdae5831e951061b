package com.muejam.notifications;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.muejam.notifications.DigestQueries.DigestItem;

import org.springframework.web.util.HtmlUtils;

/**
 * A digest email: a subject that counts what it gathers, and a line for each item (the
 * first 50, then how many more).
 *
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 */
record DigestEmail(String subject, String text, String html) {

	static final int MAX_LINES = 50;

	static DigestEmail of(String period, List<DigestItem> items) {
		Map<NotificationType, Long> counts = new TreeMap<>(
				items.stream().collect(Collectors.groupingBy(DigestItem::type, Collectors.counting())));
		String summary = counts.entrySet()
			.stream()
			.map((count) -> count.getValue() + " " + noun(count.getKey(), count.getValue()))
			.collect(Collectors.joining(", "));
		String subject = "Your " + period + " MueJam digest: " + summary;
		List<String> lines = items.stream().limit(MAX_LINES).map(DigestEmail::line).toList();
		String more = (items.size() > MAX_LINES) ? "and " + (items.size() - MAX_LINES) + " more" : null;
		StringBuilder text = new StringBuilder(subject).append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(subject)).append("</p><ul>");
		for (String line : lines) {
			text.append("- ").append(line).append('\n');
			html.append("<li>").append(HtmlUtils.htmlEscape(line)).append("</li>");
		}
		if (more != null) {
			text.append("- ").append(more).append('\n');
			html.append("<li>").append(more).append("</li>");
		}
		html.append("</ul>");
		return new DigestEmail(subject, text.toString(), html.toString());
	}

	private static String line(DigestItem item) {
		return switch (item.type()) {
			case REPLY -> item.actor() + " replied to your whisper";
			case FOLLOW -> item.actor() + " started following you";
			case NEW_CHAPTER -> item.actor() + " published a new chapter"
					+ ((item.storyTitle() != null) ? " of " + item.storyTitle() : "");
			case DATA_EXPORT_READY, DIGEST -> throw new IllegalArgumentException("Not in a digest: " + item.type());
		};
	}

	private static String noun(NotificationType type, long count) {
		String one = switch (type) {
			case REPLY -> "reply";
			case FOLLOW -> "new follower";
			case NEW_CHAPTER -> "new chapter";
			case DATA_EXPORT_READY, DIGEST -> type.name().toLowerCase();
		};
		if (count == 1) {
			return one;
		}
		return (type == NotificationType.REPLY) ? "replies" : one + "s";
	}

}
