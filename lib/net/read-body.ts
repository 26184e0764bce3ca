// Request bodies the front server reads itself (agents' batches, status-page forms, server
// actions it screens), each under a limit: one reader, so none of them can be made to buffer
// more than its limit.
import type { IncomingMessage } from "node:http";

/**
 * The request's body, or null when it is over `limit` bytes: a Content-Length over the limit
 * is refused unread, and reading stops at the first byte past it (the caller answers 413).
 */
export async function readBodyUpTo(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? "0") > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
