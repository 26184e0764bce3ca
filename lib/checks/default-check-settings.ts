import type { CheckSettings } from "./apply-check-spec";

/** A new check's settings (the model defaults; Healthchecks' API create defaults). */
export const DEFAULT_CHECK_SETTINGS: Readonly<CheckSettings> = {
  name: "",
  slug: "",
  tags: "",
  desc: "",
  kind: "simple",
  timeout: 86_400,
  grace: 3_600,
  schedule: "* * * * *",
  tz: "UTC",
  manualResume: false,
  methods: "",
  startKw: "",
  successKw: "",
  failureKw: "",
  filterSubject: false,
  filterBody: false,
  filterHttpBody: false,
  filterDefaultFail: false,
  failureThreshold: 1,
  reminderInterval: 0,
};
