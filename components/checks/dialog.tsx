"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * A modal dialog behind a button, on the native <dialog> element: it traps focus, closes on
 * Escape and gives focus back to the button. `children` gets a `close` function.
 */
export function Dialog({
  title,
  triggerLabel,
  triggerVariant = "secondary",
  children,
}: {
  title: string;
  triggerLabel: string;
  triggerVariant?: "primary" | "secondary" | "ghost";
  children: (close: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The content mounts on open, so it starts from the saved values every time.
  const [open, setOpen] = useState(false);
  // Unmount the content with the close, not when the dialog's "close" event arrives a task
  // later: meanwhile the hidden content would still be in the page (and found by its text).
  const close = useCallback(() => {
    ref.current?.close();
    setOpen(false);
  }, []);
  useEffect(() => {
    if (open) ref.current?.showModal();
  }, [open]);
  return (
    <>
      <button type="button" className={buttonClass(triggerVariant)} onClick={() => setOpen(true)}>
        {triggerLabel}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" onClick={close} className={buttonClass("ghost", "px-2 py-1")} aria-label="Close">
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        <div className="max-h-[80vh] overflow-y-auto p-4">{open && children(close)}</div>
      </dialog>
    </>
  );
}
