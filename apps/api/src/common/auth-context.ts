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
