import type { ReactNode } from "react";

// Small inline stroke icons per integration kind (no icon font or image requests). Decorative:
// the kind's label is always shown next to them.
// A speech bubble for the chat services: their brand marks are trademarks, and the label says which.
const CHAT = <path d="M4 5h16v11H9l-4 3.5V16H4zM8 9.5h8M8 12.5h5" />;

const BELL = <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15ZM10 20.5h4" />;
const SIREN = <path d="M7 18v-6a5 5 0 0 1 10 0v6M5 18h14v2.5H5ZM12 3v2M4.5 6l1.4 1.4M19.5 6l-1.4 1.4" />;

const SHAPES: Record<string, ReactNode> = {
  slack: CHAT,
  mattermost: CHAT,
  rocketchat: CHAT,
  discord: CHAT,
  msteamsw: CHAT,
  googlechat: CHAT,
  telegram: CHAT,
  // A bell for the push services, a siren for the incident tools.
  ntfy: BELL,
  po: BELL,
  gotify: BELL,
  pushbullet: BELL,
  pd: SIREN,
  opsgenie: SIREN,
  victorops: SIREN,
  pagertree: SIREN,
  spike: SIREN,
  email: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 7 8.5 6 8.5-6" />
    </>
  ),
  // Three linked nodes: a request fanning out to a receiver.
  webhook: (
    <>
      <circle cx="12" cy="6" r="2.5" />
      <circle cx="6" cy="17.5" r="2.5" />
      <circle cx="18" cy="17.5" r="2.5" />
      <path d="m10.8 8.2-3.6 7M13.2 8.2l3.6 7M8.5 17.5h7" />
    </>
  ),
};

// A plug, for kinds without their own icon yet.
const FALLBACK = <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0V8ZM12 17v4" />;

export function KindIcon({ kind, className = "h-5 w-5" }: { kind: string; className?: string }) {
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
      {SHAPES[kind] ?? FALLBACK}
    </svg>
  );
}
