"use client";

import { useActionState, useId, useState } from "react";
import { FormMessage, getFieldErrors } from "@/components/integrations/form-message";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import { PAGE_ACCESS, PAGE_THEMES, type PageAccess, type PageTheme } from "@/lib/status-pages/types";
import { ACCESS_LABEL, THEME_LABEL } from "./labels";

/** One row of the components list as the form edits it. */
export interface EditorComponent {
  /** The check's UUID. */
  check: string;
  name: string;
  description: string;
  group: string;
}

export interface PageEditorValues {
  slug: string;
  title: string;
  description: string;
  logo_url: string;
  theme: PageTheme;
  time_zone: string;
  custom_domain: string;
  access: PageAccess;
  auto_incidents: boolean;
  components: EditorComponent[];
}

export type PageEditorAction = (prev: FormState, formData: FormData) => Promise<FormState>;

const textControl = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900";

/**
 * The status page's settings and its components. Every value is held in React state, so a
 * refused save keeps what was typed; the components go to the server action as parallel
 * `component_*` fields in list order, which is the order the public page shows them in.
 */
export function PageEditor({
  action,
  initial,
  checks,
  timeZones,
  hasPassword,
  publicUrlBase,
  submitLabel,
}: {
  action: PageEditorAction;
  initial: PageEditorValues;
  /** The project's checks, by name. */
  checks: { code: string; name: string }[];
  timeZones: string[];
  /** A password is stored: leaving the field empty keeps it. */
  hasPassword: boolean;
  /** "https://vigil.example.org/status/", to show the page's address beside the slug. */
  publicUrlBase: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [v, setV] = useState<PageEditorValues>(initial);
  const [pick, setPick] = useState("");
  const errors = getFieldErrors(state);
  const componentError = Object.entries(errors).find(([field]) => field.startsWith("component"))?.[1];
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const set = <K extends keyof PageEditorValues>(key: K, value: PageEditorValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const checkName = new Map(checks.map((c) => [c.code, c.name]));
  const available = checks.filter((c) => !v.components.some((x) => x.check === c.code));
  const groups = [...new Set(v.components.map((c) => c.group.trim()).filter(Boolean))];
  const zones = timeZones.includes(v.time_zone) ? timeZones : [v.time_zone, ...timeZones];

  const updateComponent = (index: number, patch: Partial<EditorComponent>) =>
    set(
      "components",
      v.components.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    );
  const move = (index: number, by: -1 | 1) => {
    const list = [...v.components];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item!);
    set("components", list);
  };
  const addComponent = () => {
    const code = pick || available[0]?.code;
    if (!code) return;
    set("components", [...v.components, { check: code, name: checkName.get(code) ?? "", description: "", group: "" }]);
    setPick("");
  };

  const invalid = (name: string) => (errors[name] ? true : undefined);

  return (
    <form action={formAction} className="max-w-3xl space-y-8" noValidate>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Page</legend>
        <Field label="Title" htmlFor={id("title")} error={errors.title} hint="The page's heading, e.g. “Acme status”.">
          <Input id={id("title")} name="title" required maxLength={100} value={v.title} onChange={(e) => set("title", e.target.value)} aria-invalid={invalid("title")} />
        </Field>
        <Field
          label="Slug"
          htmlFor={id("slug")}
          error={errors.slug}
          hint={
            <>
              Lower-case letters, digits and dashes. The page is at{" "}
              <span className="break-all font-mono">
                {publicUrlBase}
                {v.slug || "…"}
              </span>
            </>
          }
        >
          <Input
            id={id("slug")}
            name="slug"
            required
            maxLength={63}
            autoComplete="off"
            spellCheck={false}
            value={v.slug}
            onChange={(e) => set("slug", e.target.value)}
            aria-invalid={invalid("slug")}
          />
        </Field>
        <Field label="Description" htmlFor={id("description")} error={errors.description} hint="A line under the title (optional).">
          <textarea
            id={id("description")}
            name="description"
            rows={2}
            maxLength={2000}
            className={textControl}
            value={v.description}
            onChange={(e) => set("description", e.target.value)}
            aria-invalid={invalid("description")}
          />
        </Field>
        <Field label="Logo URL" htmlFor={id("logo_url")} error={errors.logo_url} hint="An http(s) address of an image (optional).">
          <Input
            id={id("logo_url")}
            name="logo_url"
            maxLength={500}
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={v.logo_url}
            onChange={(e) => set("logo_url", e.target.value)}
            aria-invalid={invalid("logo_url")}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Theme" htmlFor={id("theme")} error={errors.theme}>
            <Select id={id("theme")} name="theme" value={v.theme} onChange={(e) => set("theme", e.target.value as PageTheme)}>
              {PAGE_THEMES.map((t) => (
                <option key={t} value={t}>
                  {THEME_LABEL[t]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Time zone" htmlFor={id("time_zone")} error={errors.time_zone} hint="Days of the uptime bars and the times shown are in this zone.">
            <Select id={id("time_zone")} name="time_zone" value={v.time_zone} onChange={(e) => set("time_zone", e.target.value)} aria-invalid={invalid("time_zone")}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          label="Custom domain"
          htmlFor={id("custom_domain")}
          error={errors.custom_domain}
          hint="Optional, e.g. status.example.com: point its DNS at this server and the page answers there at “/”."
        >
          <Input
            id={id("custom_domain")}
            name="custom_domain"
            spellCheck={false}
            autoComplete="off"
            value={v.custom_domain}
            onChange={(e) => set("custom_domain", e.target.value)}
            aria-invalid={invalid("custom_domain")}
          />
        </Field>
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={errors.access ? `${id("access")}-error` : undefined}>
        <legend className="mb-2 text-lg font-semibold">Who can see it</legend>
        {PAGE_ACCESS.map((a) => (
          <label key={a} className="flex items-start gap-2 text-sm">
            <input type="radio" name="access" value={a} checked={v.access === a} onChange={() => set("access", a)} className="mt-1" />
            <span>
              <span className="font-medium">{ACCESS_LABEL[a]}</span>
              <span className="block text-slate-600 dark:text-slate-400">
                {a === "public" ? "Anyone with the address." : a === "password" ? "Visitors type a password first." : "Only people signed in to this project."}
              </span>
            </span>
          </label>
        ))}
        {errors.access && (
          <p id={`${id("access")}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
            {errors.access}
          </p>
        )}
        {v.access === "password" && (
          <Field
            label="Page password"
            htmlFor={id("password")}
            error={errors.password}
            hint={hasPassword ? "Leave empty to keep the current password." : "Visitors need it to see the page."}
          >
            <Input id={id("password")} name="password" type="password" autoComplete="new-password" aria-invalid={invalid("password")} />
          </Field>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-lg font-semibold">Incidents</legend>
        <label className="flex items-start gap-2 text-sm" htmlFor={id("auto_incidents")}>
          <input id={id("auto_incidents")} type="checkbox" name="auto_incidents" value="on" checked={v.auto_incidents} onChange={(e) => set("auto_incidents", e.target.checked)} className="mt-1" />
          <span>
            <span className="font-medium">Open incidents automatically</span>
            <span className="block text-slate-600 dark:text-slate-400">
              When a component&apos;s check goes down, open an incident on the page; resolve it when the check comes back.
            </span>
          </span>
        </label>
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={componentError ? `${id("components")}-error` : undefined}>
        <legend className="mb-1 text-lg font-semibold">Components</legend>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The checks the page shows, in this order. Components with the same group name are shown together under it.
        </p>
        {componentError && (
          <p id={`${id("components")}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
            {componentError}
          </p>
        )}
        <datalist id={id("groups")}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        {v.components.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">No components yet.</p>
        ) : (
          <ol className="space-y-3">
            {v.components.map((c, i) => {
              const label = c.name || checkName.get(c.check) || "component";
              const rowId = (name: string) => id(`c${i}-${name}`);
              return (
                <li key={c.check} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" aria-label={`Component ${i + 1}: ${label}`}>
                  <input type="hidden" name="component_check" value={c.check} />
                  <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
                    Check: <span className="font-medium text-slate-700 dark:text-slate-300">{checkName.get(c.check) ?? c.check}</span>
                  </p>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field label="Display name" htmlFor={rowId("name")}>
                      <Input id={rowId("name")} name="component_name" maxLength={100} value={c.name} onChange={(e) => updateComponent(i, { name: e.target.value })} />
                    </Field>
                    <Field label="Group" htmlFor={rowId("group")}>
                      <Input id={rowId("group")} name="component_group" maxLength={100} list={id("groups")} value={c.group} onChange={(e) => updateComponent(i, { group: e.target.value })} />
                    </Field>
                    <div className="sm:col-span-2">
                      <Field label="Description" htmlFor={rowId("description")}>
                        <Input
                          id={rowId("description")}
                          name="component_description"
                          maxLength={500}
                          value={c.description}
                          onChange={(e) => updateComponent(i, { description: e.target.value })}
                        />
                      </Field>
                    </div>
                  </div>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <Button variant="secondary" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${label} up`}>
                      Move up
                    </Button>
                    <Button variant="secondary" onClick={() => move(i, 1)} disabled={i === v.components.length - 1} aria-label={`Move ${label} down`}>
                      Move down
                    </Button>
                    <Button variant="ghost" onClick={() => set("components", v.components.filter((_, j) => j !== i))} aria-label={`Remove ${label}`}>
                      Remove
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {available.length > 0 ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <Field label="Check to add" htmlFor={id("pick")}>
                <Select id={id("pick")} value={pick || available[0]?.code} onChange={(e) => setPick(e.target.value)}>
                  {available.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name || c.code}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Button variant="secondary" onClick={addComponent}>
              Add component
            </Button>
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">{checks.length === 0 ? "This project has no checks yet." : "Every check of the project is on the page."}</p>
        )}
      </fieldset>

      <FormMessage state={state} />
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
