/** What the "email me a link" and sign-up actions hand back to useActionState. */
export type LinkState = { status: "idle" } | { status: "sent"; email: string } | { status: "error"; error: string; email: string };

export const idleLinkState: LinkState = { status: "idle" };
