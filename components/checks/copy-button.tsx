"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so (politely announced to screen readers). */
export function CopyButton({ text, label = "Copy", what }: { text: string; label?: string; what?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button type="button" onClick={copy} className={buttonClass("secondary", "shrink-0 px-2 py-1 text-xs")} aria-label={what ? `${label} ${what}` : label}>
      <span aria-hidden="true">{state === "copied" ? "Copied!" : state === "failed" ? "Copy failed" : label}</span>
      <span className="sr-only" role="status">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "Could not copy; select the text instead" : ""}
      </span>
    </button>
  );
}
