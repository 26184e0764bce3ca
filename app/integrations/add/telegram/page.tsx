// Where the bot's /start link lands: a signed-in user picks the project the chat is connected to.
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listUserProjects } from "@/lib/projects/queries";
import { readTelegramChatToken } from "@/lib/integrations/telegram/chat-token";
import { ConnectTelegramForm } from "./connect-form";

export const metadata = { title: "Connect a Telegram chat" };
export const dynamic = "force-dynamic";

export default async function ConnectTelegramPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token: raw } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const user = await requireUser(`/integrations/add/telegram/?${new URLSearchParams({ token })}`);
  const chat = readTelegramChatToken(token);
  if (!chat) {
    return (
      <>
        <h1 className="text-lg font-semibold">Link expired</h1>
        <p className="text-sm">This link has expired or is not valid. Send /start to the bot again for a new one.</p>
      </>
    );
  }
  const projects = (await listUserProjects(user.id)).filter((p) => can(p.role, "write"));
  const where = chat.type === "private" ? `your private chat with the bot (${chat.name})` : `the ${chat.type} “${chat.name}”`;
  return (
    <>
      <h1 className="text-lg font-semibold">Connect a Telegram chat</h1>
      <p className="text-sm">Notifications of the project you pick will be sent to {where}.</p>
      {projects.length ? (
        <ConnectTelegramForm token={token} projects={projects.map(({ code, name }) => ({ code, name }))} />
      ) : (
        <p className="text-sm">You have no project you can add integrations to.</p>
      )}
    </>
  );
}
