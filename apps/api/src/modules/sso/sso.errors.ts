import type { SsoErrorCode } from '@countersign/contracts/sso';

/**
 * Why a sign-in through the provider stopped. The callback turns it into a redirect to the login
 * page with the code, which the web shows as words (SSO_ERROR_MESSAGES); `reason` is for the log
 * only, never for the browser.
 */
export class SsoSignInError extends Error {
  /** The organisation whose sign-in this was, when known: the login page offers to try again. */
  slug: string | undefined;

  constructor(
    readonly code: SsoErrorCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}
