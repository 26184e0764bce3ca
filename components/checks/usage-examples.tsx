"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { CopyButton } from "./copy-button";
import type { UsageExample } from "./get-usage-examples";

/** Usage examples in keyboard-navigable tabs (arrow keys, Home, End). */
export function UsageExamples({ examples }: { examples: UsageExample[] }) {
  const [selected, setSelected] = useState(0);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = examples.length - 1;
    const next = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = next < 0 ? last : next > last ? 0 : next;
    setSelected(index);
    tabs.current[index]?.focus();
  };

  const example = examples[selected]!;
  return (
    <div>
      <div role="tablist" aria-label="Usage examples" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800" onKeyDown={onKeyDown}>
        {examples.map((ex, i) => (
          <button
            key={ex.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${ex.id}`}
            aria-selected={i === selected}
            aria-controls={`${base}-panel`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => setSelected(i)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
              i === selected ? "border-sky-600 text-sky-700 dark:text-sky-400" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            }`}
          >
            {ex.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${example.id}`} tabIndex={0} className="pt-3">
        <div className="flex items-start gap-2">
          <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">
            <code>{example.code}</code>
          </pre>
          <CopyButton text={example.code} what={`the ${example.label} example`} />
        </div>
        {example.note && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{example.note}</p>}
      </div>
    </div>
  );
}
