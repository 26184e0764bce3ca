"use client";

import { signOut } from "next-auth/react";
import { buttonClass } from "@/components/ui/button";

/** Ends the session (next-auth's CSRF-protected POST) and shows the "signed out" sign-in page. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <button
      type="button"
      className={className ?? buttonClass("ghost")}
      onClick={() => void signOut({ callbackUrl: "/accounts/login?signed_out=1" })}
    >
      Sign out
    </button>
  );
}
