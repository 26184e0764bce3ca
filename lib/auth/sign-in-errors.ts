// The error codes our next-auth providers throw (next-auth passes the message to the client as
// ?error=...) and what the sign-in pages say for them. Pure: client components import it.

/** Prefix of the error thrown when the password was right and a second factor is needed. */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired:";

export const SIGN_IN_ERRORS = {
  invalid: "InvalidCredentials",
  invalid_code: "InvalidCode",
  rate_limited: "RateLimited",
  disabled: "SignInDisabled",
  expired: "SignInExpired",
} as const;

const MESSAGES: Record<string, string> = {
  InvalidCredentials: "Incorrect email or password.",
  CredentialsSignin: "Incorrect email or password.",
  InvalidCode: "That code is not right. Check your authenticator app, or use a backup code.",
  RateLimited: "Too many attempts. Please wait a while and try again.",
  SignInDisabled: "Sign-in is handled by your organisation's proxy, not by this form.",
  SignInExpired: "This sign-in has expired. Please start again.",
  Verification: "This sign-in link is invalid or has expired. Links work once, for one hour: request a new one.",
  AccessDenied: "This sign-in link cannot be used: the account does not exist any more. Request a new link.",
  SessionRequired: "Please sign in to continue.",
};

/** The sentence to show for an error code from next-auth (unknown codes get a generic one). */
export function getSignInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Please try again.";
}
