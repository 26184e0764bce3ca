// Setting up a Matrix channel from the web page makes the bot join the room first, as
// Healthchecks' add_matrix view does, so the first alert does not fail with 403.
import { getEnv } from "../../env";
import { request } from "../../http";
import { TransportError } from "../../errors";

/**
 * Joins MATRIX_USER_ID's bot to `room` (an id or alias). Returns the room id the homeserver
 * answered with (an alias resolves to it), or an error message to show on the form.
 */
export async function joinMatrixRoom(room: string): Promise<{ roomId: string } | { error: string }> {
  const env = getEnv();
  try {
    const res = await request({
      method: "POST",
      url: `${env.matrixHomeserver}/_matrix/client/v3/join/${encodeURIComponent(room)}`,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.matrixAccessToken}` },
      body: "{}",
      retries: 1,
    });
    const roomId = (JSON.parse(res.body.toString("utf8")) as { room_id?: unknown }).room_id;
    return { roomId: typeof roomId === "string" && roomId ? roomId : room };
  } catch (err) {
    if (err instanceof TransportError) return { error: `The bot could not join the room (${err.message}). Invite ${env.matrixUserId} and try again.` };
    if (err instanceof SyntaxError) return { roomId: room };
    throw err;
  }
}
