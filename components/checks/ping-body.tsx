"use client";

import { useState } from "react";

/**
 * A ping body's preview with a button that loads the whole body on demand (bodies can be
 * 100 kB each, so the event log never inlines them).
 */
export function PingBody({ preview, size, url }: { preview: string; size: number; url: string }) {
  const [full, setFull] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "open" | "error">("idle");
  // Short bodies are shown whole already.
  const truncated = size > new TextEncoder().encode(preview).length;

  const toggle = async () => {
    if (state === "open") return setState("idle");
    if (full !== null) return setState("open");
    setState("loading");
    try {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setFull(await res.text());
      setState("open");
    } catch {
      setState("error");
    }
  };

  return (
    <div className="mt-1 space-y-1">
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">
        {state === "open" && full !== null ? full : preview}
      </pre>
      {truncated && (
        <button type="button" onClick={toggle} aria-expanded={state === "open"} className="text-xs text-sky-700 underline dark:text-sky-400">
          {state === "open" ? "Show less" : state === "loading" ? "Loading…" : `Show full body (${size.toLocaleString("en-US")} bytes)`}
        </button>
      )}
      {state === "error" && (
        <span role="alert" className="ml-2 text-xs text-red-600 dark:text-red-400">
          Could not load the body.
        </span>
      )}
    </div>
  );
}
