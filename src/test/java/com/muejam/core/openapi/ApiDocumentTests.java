package com.muejam.core.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is the frontend's contract: what a client generator and Swagger UI
 * need from it, checked on the live document. Writes it to {@code target/openapi.json}
 * for the generated-client check.
 */
@IntegrationTest
class ApiDocumentTests {

	@Autowired
	Api api;

	JsonNode doc;

	@BeforeEach
	void readDocument() throws IOException {
		Api.Reply reply = this.api.get("/v3/api-docs").send();
		assertThat(reply.status()).isEqualTo(200);
		this.doc = reply.json();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "openapi.json"), reply.text());
	}

	@Test
	void listsTakeFlatCursorAndPageSize() {
		List<String> wrong = new ArrayList<>();
		operations().forEach((name, operation) -> {
			Set<String> query = new HashSet<>();
			operation.path("parameters").forEach((parameter) -> {
				if (parameter.path("in").asString().equals("query")) {
					query.add(parameter.path("name").asString());
				}
				if (parameter.path("name").asString().equals("page")) {
					wrong.add(name + " has a 'page' parameter");
				}
			});
			JsonNode ok = operation.path("responses").path("200").path("content").path("application/json");
			String ref = ok.path("schema").path("$ref").asString("");
			if (ref.contains("/CursorPage") && !(query.contains("cursor") && query.contains("page_size"))) {
				wrong.add(name + " lists without cursor and page_size: " + query);
			}
		});
		assertThat(wrong).isEmpty();
		JsonNode pageSize = parameter("listStories", "page_size");
		assertThat(pageSize.path("schema").path("type").asString()).isEqualTo("integer");
		assertThat(pageSize.path("schema").path("maximum").asInt()).isEqualTo(100);
		assertThat(pageSize.path("required").asBoolean(false)).isFalse();
		assertThat(parameter("listStories", "cursor").path("schema").path("maxLength").asInt()).isEqualTo(512);
	}

	@Test
	void aValueOfEitherTypeIsOnlyTheTypesItCanBe() {
		for (String[] property : new String[][] { { "StatsCounts", "reads" }, { "StatsCounts", "new_followers" },
				{ "StatsFunnelStep", "readers" } }) {
			JsonNode schema = this.doc.path("components")
				.path("schemas")
				.path(property[0])
				.path("properties")
				.path(property[1]);
			assertThat(schema.has("type")).as(property[1] + " is not an object: " + schema).isFalse();
			assertThat(schema.path("anyOf")).as(property[1] + ": " + schema).hasSize(2);
			assertThat(schema.has("nullable")).as("OpenAPI 3.0: nullable needs a type beside it: " + schema).isFalse();
		}
		JsonNode followers = this.doc.path("components")
			.path("schemas")
			.path("StatsCounts")
			.path("properties")
			.path("new_followers");
		assertThat(followers.path("anyOf").findValues("nullable")).as("null is one of its values: " + followers)
			.allMatch(JsonNode::asBoolean)
			.hasSize(2);
	}

	@Test
	void operationIdsAreStableReadableNames() {
		Map<String, JsonNode> operations = operations();
		assertThat(operations.keySet()).allMatch((id) -> id.matches("[a-z][A-Za-z]+"),
				"operationIds are camelCase names without numbers");
		assertThat(operations).containsKeys("listStories", "createStory", "getStoryBySlug", "publishChapter",
				"listWhispers", "streamNotifications");
	}

	@Test
	void responseFieldsAreRequiredAndNullableAsOnTheWire() {
		JsonNode story = schema("Story");
		assertThat(texts(story.path("required"))).contains("id", "slug", "title", "cover_url", "author", "tags",
				"published_at");
		assertThat(story.path("properties").path("cover_url").path("nullable").asBoolean()).isTrue();
		assertThat(story.path("properties").path("title").path("nullable").asBoolean(false)).isFalse();
		JsonNode page = schema("CursorPageStory");
		assertThat(texts(page.path("required"))).contains("data", "next_cursor");
		assertThat(page.path("properties").path("next_cursor").path("nullable").asBoolean()).isTrue();
		assertThat(texts(schema("Profile").path("required"))).contains("bio", "avatar_url");
		JsonNode update = schema("UpdateStory");
		assertThat(update.path("required").isMissingNode() || update.path("required").isEmpty()).isTrue();
		assertThat(texts(schema("CreateStory").path("required"))).containsExactly("title");
	}

	@Test
	void noJavaTypesLeakIntoSchemas() {
		Set<String> names = new TreeSet<>(this.doc.path("components").path("schemas").propertyNames());
		assertThat(names).doesNotContain("PageParams", "CursorPageObject", "Error", "SseEmitter", "ObjectNode");
		JsonNode search = operation("search").path("responses").path("200").path("content").path("application/json");
		assertThat(search.path("schema").path("anyOf").size()).isEqualTo(3);
		assertThat(schema("UnreadCount").path("properties").has("unread_count")).isTrue();
		assertThat(schema("MarkedRead").path("properties").has("updated")).isTrue();
	}

	@Test
	void successStatusesAndHeadersMatchTheWire() {
		JsonNode created = operation("createStory").path("responses");
		assertThat(created.has("200")).isFalse();
		assertThat(created.path("201").path("headers").has("Location")).isTrue();
		assertThat(operation("addShelfItem").path("responses").has("200")).isTrue();
		assertThat(operation("addShelfItem").path("responses").has("201")).isTrue();
		JsonNode deleted = operation("deleteStory").path("responses");
		assertThat(deleted.has("204")).isTrue();
		assertThat(deleted.has("200")).isFalse();
		JsonNode responses = operation("createWhisper").path("responses");
		assertThat(responses.has("413")).isTrue();
		assertThat(responses.has("415")).isTrue();
		assertThat(responses.path("429").path("headers").has("Retry-After")).isTrue();
		assertThat(responses.path("503").path("headers").has("Retry-After")).isTrue();
	}

	@Test
	void creatingOperationsTakeAnIdempotencyKey() {
		for (String id : List.of("createStory", "createWhisper", "createReport", "addShelfItem", "createChapter",
				"createReply", "createHighlight", "createBookmark", "createShelf")) {
			JsonNode key = parameter(id, "Idempotency-Key");
			assertThat(key.path("in").asString()).isEqualTo("header");
			assertThat(key.path("schema").path("maxLength").asInt()).isEqualTo(255);
			assertThat(operation(id).path("responses").has("422")).isTrue();
			assertThat(operation(id).path("responses").path("201").path("headers").has("Idempotent-Replayed")).isTrue();
		}
		assertThat(operation("presignUpload").path("parameters").toString()).doesNotContain("Idempotency-Key");
	}

	@Test
	void enumsAreEnums() {
		assertThat(texts(parameter("discoverStories", "tab").path("schema").path("enum"))).containsExactly("new",
				"trending", "for_you");
		assertThat(texts(parameter("search", "type").path("schema").path("enum"))).containsExactly("stories", "users",
				"tags");
		assertThat(texts(parameter("listReportQueue", "status").path("schema").path("enum"))).contains("PENDING");
		assertThat(texts(schema("CreateWhisper").path("properties").path("scope").path("enum"))).contains("GLOBAL");
		assertThat(texts(schema("Resolve").path("properties").path("action").path("enum"))).contains("hide_content");
		assertThat(texts(schema("ErrorBody").path("properties").path("code").path("enum"))).contains("NOT_FOUND",
				"VALIDATION_FAILED", "RATE_LIMITED");
		this.doc.path("components").path("schemas").forEach((model) -> model.path("properties").forEach((property) -> {
			List<String> values = texts(property.path("enum"));
			assertThat(values).as("enum values of %s", property).doesNotHaveDuplicates();
		}));
	}

	@Test
	void discoverReasonsListTheirKinds() {
		assertThat(texts(schema("DiscoverReason").path("properties").path("kind").path("enum"))).containsExactly("TAG",
				"AUTHOR", "TRENDING");
	}

	@Test
	void theStreamIsAnEventStream() {
		JsonNode content = operation("streamNotifications").path("responses").path("200").path("content");
		assertThat(content.propertyNames()).containsExactly("text/event-stream");
	}

	@Test
	void everyRequestBodyHasAnExampleAndEveryTagADescription() {
		List<String> missing = new ArrayList<>();
		operations().forEach((name, operation) -> {
			JsonNode body = operation.path("requestBody").path("content").path("application/json");
			if (!body.isMissingNode() && !body.has("example")) {
				String ref = body.path("schema").path("$ref").asString("");
				JsonNode schema = ref.isEmpty() ? body.path("schema") : schema(ref.substring(ref.lastIndexOf('/') + 1));
				if (!schema.has("example")) {
					missing.add(name);
				}
			}
		});
		assertThat(missing).isEmpty();
		Set<String> used = new TreeSet<>();
		operations().values().forEach((operation) -> operation.path("tags").forEach((tag) -> used.add(tag.asString())));
		Set<String> described = new TreeSet<>();
		this.doc.path("tags").forEach((tag) -> {
			if (!tag.path("description").asString("").isBlank()) {
				described.add(tag.path("name").asString());
			}
		});
		assertThat(described).containsAll(used);
	}

	@Test
	void noTwoPathsDifferOnlyInParameterNames() {
		List<String> shapes = new ArrayList<>();
		this.doc.path("paths").propertyNames().forEach((path) -> shapes.add(path.replaceAll("\\{[^}]+}", "{}")));
		assertThat(shapes).doesNotHaveDuplicates();
	}

	@Test
	void theDevTokenExampleIsAReader() {
		assertThat(schema("MintDevToken").path("example").toString()).doesNotContain("moderator");
	}

	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new java.util.TreeMap<>();
		this.doc.path("paths").forEach((item) -> item.properties().forEach((entry) -> {
			JsonNode operation = entry.getValue();
			String id = operation.path("operationId").asString();
			assertThat(operations.put(id, operation)).as("operationId %s is unique", id).isNull();
		}));
		return operations;
	}

	private JsonNode operation(String id) {
		JsonNode operation = operations().get(id);
		assertThat(operation).as("operation %s", id).isNotNull();
		return operation;
	}

	private JsonNode parameter(String operationId, String name) {
		for (JsonNode parameter : operation(operationId).path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError(operationId + " has no parameter " + name);
	}

	private JsonNode schema(String name) {
		JsonNode schema = this.doc.path("components").path("schemas").path(name);
		assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
		return schema;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}
