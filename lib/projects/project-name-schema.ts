import { z } from "zod";

/** A project name as Healthchecks' ProjectNameForm takes it: required, at most 200 characters. */
export const projectNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a project name.")
  .max(200, "The name can be at most 200 characters.");
