/**
 * What the sign-in page needs of single sign-on: where a provider's sign-in starts and the words
 * for each way it can fail. Kept apart from sso/ and free of imports on purpose: the sign-in page
 * is on the learner's first page, and sso/'s schemas would bring zod into the entry chunk (see
 * apps/e2e first-page-budget). sso/ re-exports all of it.
 */

/** Where a sign-in through an organisation's provider starts (a link can point here). */
export const ssoStartPath = (slug: string) => `/api/auth/sso/${encodeURIComponent(slug)}/start`;

/**
 * Why an SSO sign-in did not finish: the callback sends the browser to `/login?sso_error=<code>`.
 * The web shows the words, never the code alone.
 */
export const SSO_ERROR_MESSAGES = {
  not_configured:
    'Single sign-on is not set up for this organisation. Sign in with your email and password, or ask your administrator.',
  expired: 'The sign-in took too long or was already used. Please start again.',
  invalid_state:
    'This sign-in link is not valid in this browser. Start again from the sign-in page, in the same browser.',
  provider_denied:
    'Your organisation’s sign-in service did not let you in. If this is unexpected, ask your IT help desk.',
  provider_error:
    'Your organisation’s sign-in service reported a problem. Try again in a few minutes; if it keeps happening, tell your administrator.',
  provider_unreachable:
    'Countersign could not reach your organisation’s sign-in service. Try again in a few minutes; if it keeps happening, tell your administrator.',
  token_rejected:
    'Countersign could not confirm your sign-in with your organisation’s sign-in service. Start again; if it keeps happening, tell your administrator.',
  email_missing:
    'Your organisation’s sign-in service did not tell Countersign your email address. Ask your administrator to check the claim mapping.',
  email_unverified:
    'Your organisation’s sign-in service says your email address is not verified. Ask your IT help desk.',
  domain_not_allowed:
    'Your email address is not in a domain this organisation signs in with. Use your work address, or ask your administrator.',
  email_in_use:
    'Your email address is already used by another organisation in Countersign. Ask your administrator.',
  identity_conflict:
    'Your email address is linked to a different account at your organisation’s sign-in service. Ask your administrator.',
  account_deactivated:
    'Your Countersign account has been deactivated. If you think this is a mistake, speak to your security team.',
  organisation_disabled:
    'Your organisation’s access to Countersign is suspended. Speak to your security team.',
  sign_in_failed:
    'Signing in did not work. Please start again; if it keeps happening, tell your administrator.',
} as const;
export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES;
export const SSO_ERROR_CODES = Object.keys(SSO_ERROR_MESSAGES) as SsoErrorCode[];
