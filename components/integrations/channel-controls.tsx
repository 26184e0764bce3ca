"use client";

import Link from "next/link";
import { useActionState, useId, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/errors";
import { FormMessage } from "./form-message";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** "Send test notification", Edit, Delete (with a confirmation dialog) and, for unconfirmed email, Resend. */
export function ChannelControls({
  label,
  editHref,
  testAction,
  deleteAction,
  resendAction,
}: {
  /** How the channel reads in the delete dialog ("Email ops@example.org"). */
  label: string;
  editHref: string | null;
  testAction: Action;
  deleteAction: Action;
  resendAction: Action | null;
}) {
  const [testState, test, testing] = useActionState(testAction, {});
  const [resendState, resend, resending] = useActionState(resendAction ?? (async () => ({})), {});
  const [deleteState, remove, deleting] = useActionState(deleteAction, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={test}>
          <button type="submit" className={buttonClass("secondary", "text-xs")} disabled={testing}>
            {testing ? "Sending…" : "Send test notification"}
          </button>
        </form>
        {resendAction && (
          <form action={resend}>
            <button type="submit" className={buttonClass("secondary", "text-xs")} disabled={resending}>
              {resending ? "Sending…" : "Resend confirmation"}
            </button>
          </form>
        )}
        {editHref && (
          <Link href={editHref} className={buttonClass("secondary", "text-xs")}>
            Edit
          </Link>
        )}
        <button
          type="button"
          className="inline-flex items-center rounded-md border border-red-200 px-3 py-2 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300 dark:hover:bg-red-950"
          onClick={() => dialog.current?.showModal()}
        >
          Delete
        </button>
      </div>
      <FormMessage state={testState} />
      <FormMessage state={resendState} />

      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={headingId} className="text-base font-semibold">
          Delete this integration?
        </h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          <span className="break-all font-medium text-slate-900 dark:text-slate-100">{label}</span> will stop receiving notifications
          for all checks. This cannot be undone.
        </p>
        <div className="mt-3">
          <FormMessage state={deleteState} />
        </div>
        <form action={remove} className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button type="submit" className={buttonClass("danger")} disabled={deleting}>
            {deleting ? "Deleting…" : "Delete integration"}
          </button>
        </form>
      </dialog>
    </div>
  );
}
