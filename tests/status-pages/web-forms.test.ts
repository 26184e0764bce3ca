// The status-page forms of the web app, read into the verbs' inputs: pure, no database.
import { describe, expect, test } from "vitest";
import {
  formValues,
  parseLocalTime,
  readIncidentInput,
  readIncidentUpdateInput,
  readMaintenanceInput,
  readPageSpec,
  toLocalTimeValue,
} from "@/app/(dashboard)/projects/[code]/status-pages/form-input";
import { getSection } from "@/components/shell/current-project";
import { AppError } from "@/lib/errors";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("readPageSpec", () => {
  test("reads the components in the order of the form, with empty names left to the check's", () => {
    const spec = readPageSpec(
      form([
        ["slug", " acme "],
        ["title", "Acme"],
        ["theme", "dark"],
        ["time_zone", "Europe/Riga"],
        ["access", "public"],
        ["custom_domain", "  "],
        ["component_check", "b"],
        ["component_name", "Public API"],
        ["component_description", ""],
        ["component_group", " Backend "],
        ["component_check", "a"],
        ["component_name", " "],
        ["component_description", "Nightly"],
        ["component_group", "Backend"],
      ]),
    );
    expect(spec).toMatchObject({ slug: "acme", title: "Acme", theme: "dark", time_zone: "Europe/Riga", custom_domain: null, auto_incidents: false });
    expect(spec.components).toEqual([
      { check: "b", name: "Public API", description: "", group: "Backend" },
      { check: "a", name: undefined, description: "Nightly", group: "Backend" },
    ]);
    expect("password" in spec).toBe(false);
  });

  test("passes a typed password on and reads the automatic-incidents box", () => {
    const spec = readPageSpec(form([["access", "password"], ["password", "correct horse"], ["auto_incidents", "on"]]));
    expect(spec).toMatchObject({ access: "password", password: "correct horse", auto_incidents: true, components: [] });
  });
});

describe("incident forms", () => {
  test("component selects left empty are not affected", () => {
    const input = readIncidentInput(
      form([
        ["name", " API errors "],
        ["status", "investigating"],
        ["impact", "major"],
        ["body", "Looking"],
        ["component:aaa", "major_outage"],
        ["component:bbb", ""],
      ]),
    );
    expect(input).toEqual({ name: "API errors", status: "investigating", impact: "major", body: "Looking", components: { aaa: "major_outage" } });
    expect(readIncidentUpdateInput(form([["status", "resolved"], ["body", ""]]))).toEqual({ status: "resolved", body: "", components: {} });
  });

  test("the values kept after a refusal join repeated fields and never keep a password", () => {
    expect(formValues(form([["name", "x"], ["component", "a"], ["component", "b"], ["password", "secret"], ["$ACTION_ID_1", ""]]))).toEqual({
      name: "x",
      component: "a\nb",
    });
  });
});

describe("maintenance times in the page's time zone", () => {
  test.each([
    ["UTC", "2026-12-05T02:00", "2026-12-05T02:00:00.000Z"],
    ["Europe/Riga", "2026-12-05T02:00", "2026-12-05T00:00:00.000Z"],
    ["Europe/Riga", "2026-07-05T02:00", "2026-07-04T23:00:00.000Z"],
    ["America/New_York", "2026-12-05T02:00:30", "2026-12-05T07:00:30.000Z"],
    // 02:30 does not exist on 8 March 2026 in New York: it lands after the gap.
    ["America/New_York", "2026-03-08T02:30", "2026-03-08T07:30:00.000Z"],
    // 01:30 happens twice on 1 November 2026: the first one.
    ["America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00.000Z"],
  ])("%s %s is %s", (zone, local, utc) => {
    expect(parseLocalTime(local, zone, "scheduled_for").toISOString()).toBe(utc);
  });

  test.each([
    ["UTC", "2026-12-05T02:00:00Z", "2026-12-05T02:00"],
    ["Europe/Riga", "2026-12-05T00:00:00Z", "2026-12-05T02:00"],
    ["Asia/Kolkata", "2026-12-05T00:00:00Z", "2026-12-05T05:30"],
  ])("%s shows %s as %s", (zone, utc, local) => {
    expect(toLocalTimeValue(new Date(utc), zone)).toBe(local);
  });

  test.each(["", "tomorrow", "2026-12-05", "2026-12-05 02:00pm", "2026-02-30T10:00", "2026-12-05T24:00", "2026-12-05T10:60"])("refuses %j on the field", (value) => {
    expect(() => parseLocalTime(value, "UTC", "scheduled_until")).toThrow(AppError);
    try {
      parseLocalTime(value, "UTC", "scheduled_until");
    } catch (err) {
      expect((err as AppError).field).toBe("scheduled_until");
    }
  });

  test("an end before the start is refused on the end's field", () => {
    const data = form([["name", "Upgrade"], ["scheduled_for", "2026-12-05T02:00"], ["scheduled_until", "2026-12-05T01:00"], ["component", "a"]]);
    expect(() => readMaintenanceInput(data, "UTC")).toThrow(expect.objectContaining({ field: "scheduled_until" }));
  });

  test("reads the window and the chosen components", () => {
    const data = form([["name", "Upgrade"], ["body", "Slow"], ["scheduled_for", "2026-12-05T02:00"], ["scheduled_until", "2026-12-05T03:00"], ["component", "a"], ["component", "b"]]);
    expect(readMaintenanceInput(data, "Europe/Riga")).toEqual({
      name: "Upgrade",
      body: "Slow",
      scheduled_for: new Date("2026-12-05T00:00:00Z"),
      scheduled_until: new Date("2026-12-05T01:00:00Z"),
      components: ["a", "b"],
    });
  });
});

test.each([
  ["/projects/p/status-pages", "status-pages"],
  ["/projects/p/status-pages/abc/incidents/new", "status-pages"],
  ["/projects/p/badges", "badges"],
  ["/projects/p/status", null],
])("the project menu marks %s as %s", (path, section) => {
  expect(getSection(path)).toBe(section);
});
