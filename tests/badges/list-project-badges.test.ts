import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { listProjectBadges } from "../../lib/badges/list-project-badges";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { getBadgeUrl } from "../../lib/projects/keys";
import { createUser } from "../../lib/users/create-user";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

forEachDatabase(() => {
  let projectId: number;
  let badgeKey: string;

  beforeAll(() => {
    setEnv({ SITE_ROOT: "https://hc.example.org", MASTER_BADGE_LABEL: "Acme" });
  });
  afterAll(() => {
    setEnv({ SITE_ROOT: undefined, MASTER_BADGE_LABEL: undefined });
  });
  beforeEach(async () => {
    await resetDatabase();
    const { project } = await createUser({ email: "alice@example.org" });
    projectId = project.id;
    badgeKey = project.badgeKey;
  });

  const addCheck = (name: string, tags: string) =>
    getDb().check.create({ data: { code: crypto.randomUUID(), badgeKey: crypto.randomUUID(), projectId, name, tags } });

  test("lists the all-checks badge, each tag once in case-insensitive order, and each check by name", async () => {
    const zed = await addCheck("zed", "prod  Beta");
    const unnamed = await addCheck("", "alpha prod");
    const backup = await addCheck("backup", "");
    const other = await createUser({ email: "bob@example.org" });
    await getDb().check.create({ data: { code: crypto.randomUUID(), badgeKey: crypto.randomUUID(), projectId: other.project.id, tags: "theirs" } });

    const badges = await listProjectBadges(projectId);
    expect(badges.all.label).toBe("Acme");
    expect(badges.all.urls.svg[2]).toBe(getBadgeUrl(badgeKey, "*", "svg", false));
    expect(badges.all.urls.shields[3]).toBe(getBadgeUrl(badgeKey, "*", "shields", true));
    expect(badges.tags.map((t) => t.tag)).toEqual(["alpha", "Beta", "prod"]);
    expect(badges.tags[2].urls.json[3]).toBe(getBadgeUrl(badgeKey, "prod", "json", true));
    expect(badges.checks.map((c) => [c.code, c.label])).toEqual(
      [
        [backup.code, "backup"],
        [zed.code, "zed"],
        [unnamed.code, unnamed.code],
      ].sort((a, b) => (a[1] < b[1] ? -1 : 1)),
    );
    const z = badges.checks.find((c) => c.code === zed.code)!;
    expect(z.urls).toEqual({
      svg: { 2: `https://hc.example.org/b/2/${zed.badgeKey}.svg`, 3: `https://hc.example.org/b/3/${zed.badgeKey}.svg` },
      json: { 2: `https://hc.example.org/b/2/${zed.badgeKey}.json`, 3: `https://hc.example.org/b/3/${zed.badgeKey}.json` },
      shields: { 2: `https://hc.example.org/b/2/${zed.badgeKey}.shields`, 3: `https://hc.example.org/b/3/${zed.badgeKey}.shields` },
    });
  });

  test("has only the all-checks badge for a project without checks", async () => {
    const badges = await listProjectBadges(projectId);
    expect(badges.tags).toEqual([]);
    expect(badges.checks).toEqual([]);
  });
});
