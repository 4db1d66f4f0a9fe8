/**
 * The names the browser and the API agree on for a session. Kept apart from auth/ and free of
 * imports on purpose: the web's first page needs them, and importing auth/ would bring its
 * schemas, zod and the scenario engine into the entry chunk (see apps/e2e first-page-budget).
 */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'countersign_session';
