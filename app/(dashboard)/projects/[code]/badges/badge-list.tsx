"use client";

import { useEffect, useId, useState } from "react";
import { CopyButton } from "@/components/checks/copy-button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import type { BadgeTarget } from "@/lib/badges/list-project-badges";
import { getShieldsEndpointUrl, type BadgeFormat } from "@/lib/badges/render";

type States = 2 | 3;

const FORMATS: { value: BadgeFormat; label: string }[] = [
  { value: "svg", label: "SVG image" },
  { value: "json", label: "JSON" },
  { value: "shields", label: "Shields.io" },
];

function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** The copyable texts of one badge in the chosen format, as Healthchecks' badges page offers them. */
function getSnippets(target: BadgeTarget, format: BadgeFormat, states: States): { name: string; text: string }[] {
  const url = target.urls[format][states];
  if (format === "json") return [{ name: "JSON endpoint URL", text: url }];
  const image = format === "shields" ? getShieldsEndpointUrl(url) : url;
  const snippets = [
    { name: "Image URL", text: image },
    { name: "Markdown", text: `![${target.label}](${image})` },
    { name: "HTML", text: `<img src="${escapeAttr(image)}" alt="${escapeAttr(target.label)}">` },
  ];
  if (format === "shields") snippets.push({ name: "Shields.io endpoint URL", text: url });
  return snippets;
}

function Snippet({ name, text, target }: { name: string; text: string; target: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        {name}
      </label>
      <div className="flex items-center gap-2">
        <Input id={id} value={text} readOnly className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={text} what={`${name} of the ${target} badge`} />
      </div>
    </div>
  );
}

/** The badge's current JSON, fetched from its public URL (Healthchecks shows it the same way). */
function JsonPreview({ url }: { url: string }) {
  const [body, setBody] = useState<{ url: string; text: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(url, { cache: "no-store" })
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(String(res.status)))))
      .then(
        (text) => !cancelled && setBody({ url, text }),
        () => !cancelled && setBody({ url, text: "Could not load the badge." }),
      );
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <pre className="overflow-x-auto rounded bg-slate-100 px-3 py-2 font-mono text-xs dark:bg-slate-800">
      {body?.url === url ? body.text : "Loading…"}
    </pre>
  );
}

function BadgeItem({ title, target, format, states }: { title: string; target: BadgeTarget; format: BadgeFormat; states: States }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-sm font-semibold">{title}</h3>
        {/* The SVG badge stands in for the shields.io image too, which only shields.io can draw. */}
        <img src={target.urls.svg[states]} alt={`${target.label} status badge`} height={20} />
      </div>
      {format === "json" && <JsonPreview url={target.urls.json[states]} />}
      <div className="space-y-2">
        {getSnippets(target, format, states).map((s) => (
          <Snippet key={s.name} name={s.name} text={s.text} target={target.label} />
        ))}
      </div>
    </div>
  );
}

function Choice<T extends string | number>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={String(o.value)} className="flex items-center gap-2 py-1 text-sm">
            <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function BadgeList({
  all,
  tags,
  tagsTruncated = false,
  checks,
}: {
  all: BadgeTarget;
  tags: (BadgeTarget & { tag: string })[];
  /** More tags are in use than the page lists. */
  tagsTruncated?: boolean;
  checks: (BadgeTarget & { code: string })[];
}) {
  const [format, setFormat] = useState<BadgeFormat>("svg");
  const [states, setStates] = useState<States>(2);
  const [checkCode, setCheckCode] = useState(checks[0]?.code ?? "");
  const check = checks.find((c) => c.code === checkCode) ?? checks[0];

  return (
    <div className="space-y-6">
      <Card title="Badge options">
        <div className="flex flex-wrap gap-x-10 gap-y-3">
          <Choice legend="Format" name="badge-format" value={format} options={FORMATS} onChange={setFormat} />
          <Choice
            legend="States"
            name="badge-states"
            value={states}
            options={[
              { value: 2, label: "Two states (up, down)" },
              { value: 3, label: "Three states (up, late, down)" },
            ]}
            onChange={setStates}
          />
        </div>
      </Card>

      <Card title="Project and tag badges">
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          <li className="pb-4">
            <BadgeItem title="All checks" target={all} format={format} states={states} />
          </li>
          {tags.map((t) => (
            <li key={t.tag} className="py-4 last:pb-0">
              <BadgeItem title={`Tag: ${t.tag}`} target={t} format={format} states={states} />
            </li>
          ))}
        </ul>
        {tags.length === 0 && (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Tag checks to get a badge for each tag.</p>
        )}
        {tagsTruncated && (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Only {tags.length} tags are listed here: the project uses more. Badge URLs work for every tag.
          </p>
        )}
      </Card>

      <Card title="Check badges">
        {check ? (
          <div className="space-y-4">
            <div className="max-w-md">
              <Field label="Check" htmlFor="badge-check">
                <Select id="badge-check" value={check.code} onChange={(e) => setCheckCode(e.target.value)}>
                  {checks.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <BadgeItem title={`Check: ${check.label}`} target={check} format={format} states={states} />
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">This project has no checks yet.</p>
        )}
      </Card>
    </div>
  );
}
