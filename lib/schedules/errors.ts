/**
 * Thrown for anything a user can get wrong in a schedule: a malformed cron or
 * OnCalendar expression, or an unknown time zone. Callers validating user
 * input catch this type and let every other error propagate.
 */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScheduleError";
  }
}
