// Telegram setup: the chat is linked from Telegram's side. The user sends /start to the bot
// (TELEGRAM_BOT_NAME) in the chat, the bot replies with a link to /integrations/add/telegram/,
// and there the user picks this project.
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { getKind, isKindEnabled } from "@/lib/integrations/registry";
import { FormPage } from "../../form-page";
import { requireWriter } from "../../require-writer";

export const metadata = { title: "Add Telegram integration" };

export default async function AddTelegramPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const env = getEnv();
  if (!isKindEnabled("telegram", env)) notFound();
  const { project } = await requireWriter(code, `/projects/${code}/integrations/add/telegram`);
  const bot = env.telegramBotName;
  const botUrl = `https://t.me/${encodeURIComponent(bot)}`;
  return (
    <FormPage
      projectCode={project.code}
      icon={getKind("telegram")?.icon ?? "chat"}
      title="Add Telegram integration"
      intro={
        <p>
          {env.siteName} sends a message to a Telegram chat when a check goes down and when it comes back up. The chat is connected
          from Telegram, through our bot <strong>@{bot}</strong>.
        </p>
      }
    >
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>
          For a private chat, open{" "}
          <a href={botUrl} className="text-sky-700 hover:underline dark:text-sky-400" rel="noreferrer" target="_blank">
            @{bot}
          </a>{" "}
          in Telegram and press <strong>Start</strong>.
        </li>
        <li>
          For a group or channel, add @{bot} to it, then send <code>/start@{bot}</code> there.
        </li>
        <li>
          The bot replies with a link. Open it, pick <strong>{project.name || project.code}</strong>, and save.
        </li>
      </ol>
    </FormPage>
  );
}
