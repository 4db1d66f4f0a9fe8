import type { Role } from '@countersign/contracts/permissions';

/** Who is calling, established from the session cookie by the AuthGuard. */
export interface AuthContext {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  csrfToken: string;
}

/**
 * Who makes a change to people or departments: a signed-in person (an AuthContext is one), the
 * organisation's directory through a SCIM token (`userId` null; the audit event's details name
 * the token), or the system on an identity provider's word at sign-in (`userId` null).
 */
export interface Actor {
  organisationId: string;
  userId: string | null;
  scimToken?: { id: string; name: string };
}

/** The audit details that say a change came from the directory, if it did. */
export function viaDetails(actor: Actor): Record<string, unknown> {
  return actor.scimToken ? { via: { scimToken: actor.scimToken } } : {};
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
}
