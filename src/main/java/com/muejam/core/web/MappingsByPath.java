package com.muejam.core.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The mappings of the API by the start of the paths they can match. A pattern can match
 * only a path that begins with its literal start, the text before its first variable or
 * wildcard ({@code /v1/stories/} of {@code /v1/stories/{slug}}): so a path's mappings are
 * among those filed under the path's text before its third slash ({@code /v1/stories}),
 * and those whose literal start is too short to be filed (such as {@code /v1/{kind}}),
 * which are asked about every path. This holds for a path whose segments read as its text
 * (no escapes, no matrix parameters).
 */
final class MappingsByPath {

	private final Map<String, List<Candidate>> filed;

	private final List<Candidate> unfiled;

	private MappingsByPath(Map<String, List<Candidate>> filed, List<Candidate> unfiled) {
		this.filed = filed;
		this.unfiled = unfiled;
	}

	static MappingsByPath of(Map<RequestMappingInfo, HandlerMethod> mappings) {
		Map<String, Set<Candidate>> filed = new HashMap<>();
		List<Candidate> unfiled = new ArrayList<>();
		mappings.forEach((info, handler) -> {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths == null) {
				unfiled.add(new Candidate(info, handler, new String[] { "" }));
				return;
			}
			Candidate candidate = new Candidate(info, handler,
					paths.getPatterns().stream().map(MappingsByPath::literalStart).toArray(String[]::new));
			for (PathPattern pattern : paths.getPatterns()) {
				String start = literalStart(pattern);
				if (start.equals(pattern.getPatternString()) || slashes(start) >= 3) {
					filed.computeIfAbsent(key(start), (key) -> new LinkedHashSet<>()).add(candidate);
				}
				else {
					unfiled.add(candidate);
				}
			}
		});
		Map<String, List<Candidate>> lists = new HashMap<>();
		filed.forEach((key, candidates) -> lists.put(key, List.copyOf(candidates)));
		return new MappingsByPath(lists, unfiled.stream().distinct().toList());
	}

	/**
	 * The mappings that can match a path: each whose literal start the path starts with.
	 * @param path the lookup path, without escapes or matrix parameters
	 * @return the candidates, each once
	 */
	List<Candidate> candidates(String path) {
		List<Candidate> found = new ArrayList<>(4);
		for (Candidate candidate : this.filed.getOrDefault(key(path), List.of())) {
			if (candidate.startsLike(path)) {
				found.add(candidate);
			}
		}
		for (Candidate candidate : this.unfiled) {
			if (candidate.startsLike(path) && !found.contains(candidate)) {
				found.add(candidate);
			}
		}
		return found;
	}

	/** A path's text before its third slash, or all of it. */
	static String key(String path) {
		int slashes = 0;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/' && ++slashes == 3) {
				return path.substring(0, i);
			}
		}
		return path;
	}

	private static int slashes(String text) {
		return (int) text.chars().filter((c) -> c == '/').count();
	}

	/** A pattern's text before its first variable or wildcard. */
	private static String literalStart(PathPattern pattern) {
		String text = pattern.getPatternString();
		int end = text.length();
		for (char wildcard : new char[] { '{', '*', '?' }) {
			int at = text.indexOf(wildcard);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		return text.substring(0, end);
	}

	/**
	 * A mapping with its handler and the literal starts of its patterns.
	 *
	 * @param info the mapping
	 * @param handler its handler
	 * @param starts one per pattern; a single empty one for a mapping without paths
	 */
	record Candidate(RequestMappingInfo info, HandlerMethod handler, String[] starts) {

		boolean startsLike(String path) {
			for (String start : this.starts) {
				if (path.startsWith(start)) {
					return true;
				}
			}
			return false;
		}

	}

}
