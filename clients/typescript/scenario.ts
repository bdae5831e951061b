// A frontend's first steps with the generated client, run against a live service.
//
// The types come from the service's own OpenAPI document (openapi-typescript writes
// generated/api.d.ts); the client is openapi-fetch with its defaults. The scenario uses no
// casts, no `any` and no custom serializers: if the document is wrong, this file stops
// compiling under `tsc --strict` or one of the expectations below fails at run time.
//
//   BASE_URL=http://localhost:8080 node dist/scenario.js
//
// Exit status 0 when every expectation held, 1 otherwise.

import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type Story = components["schemas"]["Story"];
type Chapter = components["schemas"]["Chapter"];
type ErrorResponse = components["schemas"]["ErrorResponse"];

const baseUrl = (process.env["BASE_URL"] ?? "http://localhost:8080").replace(/\/+$/, "");

/** Stories created per run: enough that paging with page_size=1 turns several pages. */
const STORIES = 3;

/** Guards the cursor loop against a cursor that never ends. */
const MAX_PAGES = 1000;

class ExpectationFailed extends Error {}

let checks = 0;

function expect(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new ExpectationFailed(what);
  }
  checks++;
}

function describe(status: number, error: ErrorResponse | undefined): string {
  return error === undefined
    ? `HTTP ${status}`
    : `HTTP ${status} ${error.error.code}: ${error.error.message} (request ${error.request_id})`;
}

function step(message: string): void {
  console.log(`  - ${message}`);
}

const anonymous = createClient<paths>({ baseUrl });

async function mintToken(): Promise<string> {
  const { data, error, response } = await anonymous.POST("/v1/dev/tokens", {
    body: { user_id: "user_ts", email: "ts@example.com" },
  });
  expect(data !== undefined, `POST /v1/dev/tokens: ${describe(response.status, error)}`);
  expect(response.status === 200, `POST /v1/dev/tokens answered ${response.status}, expected 200`);
  expect(data.token.length > 0, "POST /v1/dev/tokens returned an empty token");
  expect(!Number.isNaN(Date.parse(data.expires_at)), `expires_at is not a timestamp: ${data.expires_at}`);
  return data.token;
}

async function writeStory(
  author: Client<paths>,
  title: string,
): Promise<{ story: Story; chapter: Chapter }> {
  const created = await author.POST("/v1/stories", {
    body: { title, blurb: "Written by the generated TypeScript client.", tags: ["typescript"] },
  });
  expect(created.data !== undefined, `POST /v1/stories: ${describe(created.response.status, created.error)}`);
  expect(created.response.status === 201, `POST /v1/stories answered ${created.response.status}, expected 201`);
  const draft = created.data;
  expect(draft.title === title, `created story has title ${draft.title}`);
  expect(!draft.published && draft.published_at === null, "a new story is a draft");
  expect(draft.tags.some((tag) => tag.name === "typescript"), "the new story carries its tag");
  expect(created.response.headers.get("Location") !== null, "POST /v1/stories sends a Location header");

  const added = await author.POST("/v1/stories/{id}/chapters", {
    params: { path: { id: draft.id } },
    body: { title: "Chapter one", content: "It begins with a *typed* request." },
  });
  expect(added.data !== undefined, `POST /v1/stories/{id}/chapters: ${describe(added.response.status, added.error)}`);
  expect(added.response.status === 201, `POST /v1/stories/{id}/chapters answered ${added.response.status}, expected 201`);
  expect(added.data.story_id === draft.id, "the chapter belongs to its story");
  expect(added.data.chapter_number === 1, `first chapter is number ${added.data.chapter_number}`);
  expect(added.data.content_html.includes("<em>typed</em>"), `content_html is ${added.data.content_html}`);

  const chapter = await author.POST("/v1/chapters/{id}/publish", {
    params: { path: { id: added.data.id } },
  });
  expect(chapter.data !== undefined, `POST /v1/chapters/{id}/publish: ${describe(chapter.response.status, chapter.error)}`);
  expect(chapter.data.published && chapter.data.published_at !== null, "the chapter is published");

  const story = await author.POST("/v1/stories/{id}/publish", {
    params: { path: { id: draft.id } },
    body: {},
  });
  expect(story.data !== undefined, `POST /v1/stories/{id}/publish: ${describe(story.response.status, story.error)}`);
  expect(story.data.published && story.data.published_at !== null, "the story is published");
  return { story: story.data, chapter: chapter.data };
}

async function readBySlug(written: Story, chapter: Chapter): Promise<void> {
  const { data, error, response } = await anonymous.GET("/v1/stories/{id}", {
    params: { path: { id: written.slug } },
  });
  expect(data !== undefined, `GET /v1/stories/${written.slug}: ${describe(response.status, error)}`);
  expect(data.id === written.id, `the slug ${written.slug} leads to story ${data.id}, expected ${written.id}`);
  expect(data.published, "a reader sees the published story");
  expect(data.chapter_count === 1, `chapter_count is ${data.chapter_count}, expected 1`);
  expect(data.author.id === written.author.id, "the story names its author");

  const chapters = await anonymous.GET("/v1/stories/{id}/chapters", {
    params: { path: { id: data.id } },
  });
  expect(chapters.data !== undefined, `GET /v1/stories/{id}/chapters: ${describe(chapters.response.status, chapters.error)}`);
  expect(chapters.data.data.some((listed) => listed.id === chapter.id), "the published chapter is listed");
}

/** One page of GET /v1/stories, the page after `cursor` (null: the first page). */
function storiesPage(cursor: string | null) {
  return anonymous.GET("/v1/stories", { params: { query: { page_size: 1, cursor } } });
}

async function pageEveryStory(expected: ReadonlySet<string>): Promise<number> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { data, error, response } = await storiesPage(cursor);
    expect(data !== undefined, `GET /v1/stories (page ${pages + 1}): ${describe(response.status, error)}`);
    expect(data.data.length <= 1, `page_size=1 returned ${data.data.length} items`);
    for (const story of data.data) {
      expect(!seen.has(story.id), `story ${story.id} was listed twice while following next_cursor`);
      seen.add(story.id);
    }
    cursor = data.next_cursor;
    pages++;
    expect(pages <= MAX_PAGES, `next_cursor still not null after ${MAX_PAGES} pages`);
  } while (cursor !== null);
  for (const id of expected) {
    expect(seen.has(id), `story ${id} never appeared while following next_cursor`);
  }
  return pages;
}

async function readErrors(author: Client<paths>, run: string): Promise<void> {
  const requestId = `ts-scenario-${run}`;
  const missing = await anonymous.GET("/v1/stories/{id}", {
    params: { path: { id: `does-not-exist-${run}` } },
    headers: { "X-Request-Id": requestId },
  });
  expect(missing.data === undefined, "an unknown slug returned a story");
  expect(missing.response.status === 404, `an unknown slug answered ${missing.response.status}, expected 404`);
  expect(missing.error !== undefined, "a 404 comes with an error envelope");
  expect(missing.error.error.code === "NOT_FOUND", `error code ${missing.error.error.code}, expected NOT_FOUND`);
  expect(missing.error.error.message.length > 0, "the error has a message");
  expect(missing.error.request_id === requestId, `request_id ${missing.error.request_id}, expected ${requestId}`);
  expect(missing.response.headers.get("X-Request-Id") === requestId, "X-Request-Id is echoed");

  const invalid = await author.POST("/v1/stories", { body: { title: "" } });
  expect(invalid.response.status === 400, `an empty title answered ${invalid.response.status}, expected 400`);
  expect(invalid.error !== undefined, "a 400 comes with an error envelope");
  expect(invalid.error.error.code === "VALIDATION_FAILED", `error code ${invalid.error.error.code}, expected VALIDATION_FAILED`);
  expect("title" in invalid.error.error.details, `details name the bad field: ${JSON.stringify(invalid.error.error.details)}`);
  expect(invalid.error.request_id.length > 0, "the error has a request_id");
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  console.log(`TypeScript client scenario against ${baseUrl} (run ${run})`);

  const token = await mintToken();
  const author = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  step("minted a dev token for user_ts");

  const written: { story: Story; chapter: Chapter }[] = [];
  for (let i = 1; i <= STORIES; i++) {
    written.push(await writeStory(author, `TypeScript client ${run} #${i}`));
  }
  step(`created ${STORIES} stories (201), added, published and read back a chapter in each`);

  for (const { story, chapter } of written) {
    await readBySlug(story, chapter);
  }
  step("read every story by its slug and listed its chapters");

  const pages = await pageEveryStory(new Set(written.map(({ story }) => story.id)));
  step(`paged GET /v1/stories with page_size=1: ${pages} pages, every story once, next_cursor ended in null`);

  await readErrors(author, run);
  step("read typed error envelopes: 404 NOT_FOUND with our request_id, 400 VALIDATION_FAILED naming the field");

  console.log(`TypeScript client scenario passed: ${checks} expectations held.`);
}

main().catch((failure: unknown) => {
  if (failure instanceof ExpectationFailed) {
    console.error(`TypeScript client scenario FAILED: ${failure.message}`);
  } else {
    console.error("TypeScript client scenario FAILED with an unexpected error:", failure);
  }
  process.exitCode = 1;
});
