// Badge lists are bounded: the reliability probe stored 250,000 tags on one check, and every
// listed tag costs six signed URLs. Rows are written directly, as a check saved before tags were
// capped would be.
import { beforeEach, describe, expect, test } from "vitest";
import { collectTags, listProjectBadges, MAX_BADGE_TAGS } from "../../lib/badges/list-project-badges";
import { getDb } from "../../lib/db";
import { call, createFixture, insertCheck, type Fixture } from "../api/fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

describe("collectTags", () => {
  test.each([
    { name: "splits on spaces, trims and drops empty tags", strings: ["prod  db ", " ", ""], limit: 10, tags: ["prod", "db"], truncated: false },
    { name: "keeps each tag once, in the order first seen", strings: ["b a", "a c b"], limit: 10, tags: ["b", "a", "c"], truncated: false },
    { name: "trims tabs as JavaScript's trim() does", strings: ["\tx\t y"], limit: 10, tags: ["x", "y"], truncated: false },
    { name: "stops at the limit and says so", strings: ["a b", "c d"], limit: 3, tags: ["a", "b", "c"], truncated: true },
    { name: "exactly the limit is not truncated", strings: ["a b c", "a b c"], limit: 3, tags: ["a", "b", "c"], truncated: false },
  ])("$name", ({ strings, limit, tags, truncated }) => {
    expect(collectTags(strings, limit)).toEqual({ tags, truncated });
  });

  test("reads only as far as the limit in a huge tags string", () => {
    const huge = Array.from({ length: 250_000 }, (_, i) => `t${i}`).join(" ");
    const { tags, truncated } = collectTags([huge]);
    expect(tags).toHaveLength(MAX_BADGE_TAGS);
    expect(tags.at(-1)).toBe(`t${MAX_BADGE_TAGS - 1}`);
    expect(truncated).toBe(true);
  });
});

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  const manyTags = (n: number, prefix = "tag") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, "0")}`).join(" ");

  test("the badges page lists at most MAX_BADGE_TAGS tags of a check with thousands of distinct tags", async () => {
    await insertCheck(fx.project.id, { tags: "Zeta alpha" });
    await insertCheck(fx.project.id, { tags: manyTags(20_000) });
    const badges = await listProjectBadges(fx.project.id);
    expect(badges.tags).toHaveLength(MAX_BADGE_TAGS);
    expect(badges.tagsTruncated).toBe(true);
    // The oldest check's tags come first, then the others up to the limit, sorted for the page.
    expect(badges.tags.slice(0, 3).map((t) => t.tag)).toEqual(["alpha", "tag00000", "tag00001"]);
    expect(badges.tags.at(-1)!.tag).toBe("Zeta");
    expect(badges.checks).toHaveLength(2);
  });

  test("GET /api/v3/badges/ lists at most MAX_BADGE_TAGS tags, then all checks", async () => {
    await insertCheck(fx.project.id, { tags: manyTags(20_000) });
    const res = await call("GET", "/api/v3/badges/", { key: fx.roKey });
    expect(res.status).toBe(200);
    const { badges } = (await res.json()) as { badges: Record<string, Record<string, string>> };
    const keys = Object.keys(badges);
    expect(keys).toHaveLength(MAX_BADGE_TAGS + 1);
    expect(keys.at(-1)).toBe("*");
    expect(keys.slice(0, 2)).toEqual(["tag00000", "tag00001"]);
  });

  test("tags over the limit across checks mark the list truncated; fewer are all listed, unmarked", async () => {
    await insertCheck(fx.project.id, { tags: manyTags(300) });
    await insertCheck(fx.project.id, { tags: manyTags(300, "x") });
    const badges = await listProjectBadges(fx.project.id);
    expect(badges.tags).toHaveLength(MAX_BADGE_TAGS);
    expect(badges.tagsTruncated).toBe(true);
    await getDb().check.deleteMany({ where: { projectId: fx.project.id, tags: { startsWith: "x" } } });
    const fewer = await listProjectBadges(fx.project.id);
    expect(fewer.tags).toHaveLength(300);
    expect(fewer.tagsTruncated).toBe(false);
  });

  test("GET /api/v3/badges/ keeps sorted order for tags that look like numbers", async () => {
    await insertCheck(fx.project.id, { tags: "9 10 db" });
    const text = await (await call("GET", "/api/v3/badges/", { key: fx.roKey })).text();
    const order = ["10", "9", "db", "*"].map((tag) => text.indexOf(`"${tag}": {`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
