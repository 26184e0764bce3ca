// The Matrix kind: the bot account of MATRIX_USER_ID posts to a room, stored as {"value": room id}.
// Saving a new room makes the bot join it first (join-room.ts), as Healthchecks' add_matrix
// does, and stores the room id the homeserver resolved an alias to.
import { z } from "zod";
import type { KindDescriptor } from "../descriptor";
import { asValueObject } from "../config";
import { AppError } from "../../errors";
import { joinMatrixRoom } from "./join-room";
import { matrixTransport, readMatrixRoom } from "./transport";

// A room id (!abc:example.org) or alias (#ops:example.org).
const ROOM = /^[!#][^\s:]+:[^\s]+$/;

/** A room id or alias, as a string or {"value": ...}; stored as {"value": room}. */
const matrixConfig = z.preprocess(
  asValueObject,
  z.strictObject({
    value: z
      .string({ error: "must be a string" })
      .min(1, { error: "must not be empty" })
      .max(200, { error: "must be at most 200 characters" })
      .regex(ROOM, { error: "must be a room id (!id:server) or alias (#name:server)" }),
  }),
);

export interface MatrixConfig {
  room: string;
}

export const matrixKind: KindDescriptor<MatrixConfig> = {
  kind: "matrix",
  label: "Matrix",
  description: "Post a message to a Matrix room through our bot account.",
  icon: "chat",
  configSchema: matrixConfig,
  readConfig: (json) => ({ room: readMatrixRoom(json) }),
  transport: matrixTransport,
  form: {
    layout: "settings",
    steps: [
      "If the room is not public, invite this server's Matrix bot to it first (if saving fails, the message names the bot's account).",
      "Enter the room's id (Room settings → Advanced, “!abc…:server”) or its address (“#ops:server”). The bot joins the room when you save.",
    ],
    fields: [{ name: "value", label: "Room id or address", type: "text", required: true, maxLength: 200, placeholder: "!abcdefgh:matrix.org" }],
    toConfig: (v) => ({ config: { value: v.value } }),
    fromConfig: (c) => ({ value: c.room }),
  },
  summarize: (c) => (c.room ? [c.room] : []),
  isEnabled: (env) => Boolean(env.matrixHomeserver && env.matrixUserId && env.matrixAccessToken),
  // An unchanged room is not joined again; a room the bot cannot join refuses the save.
  prepare: async (config, stored, previous) => {
    if (previous && previous.config.room === config.room) return stored;
    const joined = await joinMatrixRoom(config.room);
    if ("error" in joined) throw new AppError("bad_request", joined.error, { field: "value" });
    return { value: joined.roomId };
  },
};
