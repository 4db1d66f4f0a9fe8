import type { SsoRequiredDetails } from '@countersign/contracts/sso';
import { ssoStartPath } from '@countersign/contracts/sso';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error.js';

/**
 * "SSO required": an organisation that turns it on signs in through its identity provider only.
 * A password sign-in for one of its people, or for any address of its email domains, is refused
 * with `sso_required` whatever the password, so the answer says nothing about the account; only
 * a break-glass administrator (an active admin the organisation named) with the right password
 * gets through. The organisation is the person's own when the address is known, else the one the
 * address's domain belongs to.
 */
export async function ssoRequiredRefusal(
  manager: EntityManager,
  email: string,
  user: { id: string; organisationId: string } | null,
  passwordValid: boolean,
): Promise<DomainError | null> {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const [row] = await manager.query<{ slug: string; name: string; provider: string; break_glass: boolean }[]>(
    `SELECT o.slug, o.name, c.display_name AS provider,
            EXISTS (SELECT 1 FROM sso_break_glass_admin b
                      JOIN app_user u ON u.id = b.user_id AND u.organisation_id = b.organisation_id
                     WHERE b.organisation_id = c.organisation_id AND b.user_id = $3::uuid
                       AND u.role = 'admin' AND u.active) AS break_glass
       FROM sso_connection c JOIN organisation o ON o.id = c.organisation_id
      WHERE c.enabled AND c.sso_required
        AND c.organisation_id = COALESCE($1::uuid, (SELECT organisation_id FROM sso_domain WHERE domain = $2))`,
    [user?.organisationId ?? null, domain, user?.id ?? null],
  );
  if (!row || (row.break_glass && passwordValid)) return null;
  const details: SsoRequiredDetails = { startUrl: ssoStartPath(row.slug), provider: row.provider };
  return new DomainError(
    403,
    'sso_required',
    `${row.name} signs in through ${row.provider}: choose “Continue with ${row.provider}”. Emergency administrator accounts still sign in with their password; if you hold one, check it and try again.`,
    details,
  );
}
