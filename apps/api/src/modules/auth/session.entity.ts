import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A server-side session. `id` is the SHA-256 of the cookie token; the token itself is never stored. */
@Entity('user_session')
export class Session {
  @PrimaryColumn('text') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'csrf_token' }) csrfToken: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  /** Set when the session was opened by single sign-on: the provider to sign out at. */
  @Column('text', { name: 'sso_issuer', nullable: true }) ssoIssuer: string | null;
  /** The ID token of that sign-in, sealed by SecretBox: the id_token_hint of the provider's logout. */
  @Column('text', { name: 'sso_id_token', nullable: true, select: false }) ssoIdToken: string | null;
}
