import type { Role } from '@countersign/contracts/permissions';

/** Who is calling, established from the session cookie by the AuthGuard. */
export interface AuthContext {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

/**
 * Who makes a change, as audit events record it: a signed-in person, or (`userId` null) the
 * system acting on someone else's word, such as an identity provider's claims at sign-in.
 */
export interface Actor {
  organisationId: string;
  userId: string | null;
}
