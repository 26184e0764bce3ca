import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Save and Cancel under every integration setup form. */
export function FormFooter({ pending, submitLabel, cancelHref }: { pending: boolean; submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <Link href={cancelHref} className={buttonClass("secondary")}>
        Cancel
      </Link>
    </div>
  );
}
