import { tallies } from "./tallies";

/** Counts a ping whose transaction failed with a database error (it is answered 503). */
export function countPingError(): void {
  tallies.pingErrors++;
}
