import { AppError } from "../errors";

/** Rejects names the API rejects too (Healthchecks' varchar(100)); throws AppError("bad_request"). */
export function assertChannelName(name: string): void {
  if ([...name].length > 100) throw new AppError("bad_request", "name must be at most 100 characters");
}
