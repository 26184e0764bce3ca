"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Open/close state for a disclosure (a button that shows a panel): closes on Escape (returning
 * focus to the button), on a click or Tab outside, and whenever `resetKey` changes (the page
 * changed).
 */
export function useDisclosure<B extends HTMLElement, P extends HTMLElement>(resetKey: string) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<B>(null);
  const panelRef = useRef<P>(null);

  useEffect(() => setOpen(false), [resetKey]);

  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    function onOutside(e: Event) {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, [open]);

  return { open, setOpen, toggle: () => setOpen((o) => !o), buttonRef, panelRef };
}
