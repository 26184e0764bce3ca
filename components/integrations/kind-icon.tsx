import type { ReactNode } from "react";
import type { KindIconName } from "@/lib/integrations/descriptor";

// Small inline stroke icons, named by each kind's descriptor (no icon font or image requests).
// Decorative: the kind's label is always shown next to them.
const SHAPES: Record<KindIconName, ReactNode> = {
  // A speech bubble for the chat services: their brand marks are trademarks, and the label says which.
  chat: <path d="M4 5h16v11H9l-4 3.5V16H4zM8 9.5h8M8 12.5h5" />,
  // A bell for the push services, a siren for the incident tools, a handset for phones.
  bell: <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15ZM10 20.5h4" />,
  siren: <path d="M7 18v-6a5 5 0 0 1 10 0v6M5 18h14v2.5H5ZM12 3v2M4.5 6l1.4 1.4M19.5 6l-1.4 1.4" />,
  phone: <path d="M8 3h8a1.5 1.5 0 0 1 1.5 1.5v15A1.5 1.5 0 0 1 16 21H8a1.5 1.5 0 0 1-1.5-1.5v-15A1.5 1.5 0 0 1 8 3ZM10.5 18h3" />,
  email: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 7 8.5 6 8.5-6" />
    </>
  ),
  // Three stacked cards: several integrations behind one.
  group: <path d="M4 8h12v10H4ZM8 5h12v10M6 8V6.5h12" />,
  // A terminal prompt.
  shell: <path d="M3 5h18v14H3ZM7 9.5l3 2.5-3 2.5M12 15h5" />,
  // Three linked nodes: a request fanning out to a receiver.
  webhook: (
    <>
      <circle cx="12" cy="6" r="2.5" />
      <circle cx="6" cy="17.5" r="2.5" />
      <circle cx="18" cy="17.5" r="2.5" />
      <path d="m10.8 8.2-3.6 7M13.2 8.2l3.6 7M8.5 17.5h7" />
    </>
  ),
  // A plug, for kinds Vigil does not know.
  plug: <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0V8ZM12 17v4" />,
};

export function KindIcon({ icon, className = "h-5 w-5" }: { icon: KindIconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {SHAPES[icon]}
    </svg>
  );
}
