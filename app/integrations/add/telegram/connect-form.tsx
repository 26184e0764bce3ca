"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/errors";
import { connectTelegramChat } from "./actions";

export function ConnectTelegramForm({ token, projects }: { token: string; projects: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(connectTelegramChat.bind(null, token), {});
  return (
    <form action={action} className="space-y-3">
      <label className="block text-sm font-medium" htmlFor="telegram-project">
        Project
      </label>
      <select id="telegram-project" name="project" required className="w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950">
        {projects.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name || p.code}
          </option>
        ))}
      </select>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">
        Connect Telegram chat
      </button>
    </form>
  );
}
