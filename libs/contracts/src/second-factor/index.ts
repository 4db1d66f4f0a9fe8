import { z } from 'zod';

/**
 * A second factor: a TOTP authenticator app (RFC 6238: SHA-1, 6 digits, 30-second steps, as every
 * authenticator app expects), with ten single-use recovery codes. An organisation may require one
 * for its security officers and administrators (`requireSecondFactor` in its settings); employees
 * are never asked to enrol. Sign-ins through single sign-on rely on the identity provider's MFA.
 */

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** The roles the organisation's policy applies to. */
export const SECOND_FACTOR_POLICY_ROLES = ['officer', 'admin'] as const;

/** A code from the authenticator app: six digits (spaces, as some apps show them, are ignored). */
export const totpCodeSchema = z
  .string({ error: 'must be the 6-digit code from your authenticator app' })
  .max(20, { message: 'must be the 6-digit code from your authenticator app' })
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' }));

/**
 * A recovery code as handed out: 16 characters in four groups (`abcd-efgh-jkmn-pqrs`), 80 random
 * bits. Case, spaces and hyphens are ignored when typed back.
 */
export const RECOVERY_CODE_ALPHABET = '23456789abcdefghjklmnpqrstuvwxyz';
export const recoveryCodeSchema = z
  .string({ error: 'must be one of your recovery codes' })
  .max(40, { message: 'must be one of your recovery codes' })
  .transform((s) => s.toLowerCase().replace(/[\s-]/g, ''))
  .pipe(
    z.string().regex(new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{16}$`), {
      message: 'must be one of your recovery codes (16 letters and digits)',
    }),
  );

/** The sign-in challenge handed out after the password: 32 random bytes, base64url. */
export const challengeSchema = z
  .string({ error: 'is required' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a sign-in challenge (sign in again)' });

/**
 * Answer of `POST /api/auth/login` when the password was right but no session is given yet:
 * `second-factor` asks for a code (POST /api/auth/login/second-factor); `enrol-second-factor` means
 * the organisation requires a factor the person does not have yet (POST /api/auth/login/enrol,
 * then /api/auth/login/enrol/confirm). The challenge works once, for a few minutes.
 */
export interface SecondFactorStep {
  step: 'second-factor' | 'enrol-second-factor';
  challenge: string;
  expiresAt: string;
}

/** POST /api/auth/login/second-factor: the code from the app, or one recovery code. */
export const secondFactorSignInSchema = z
  .object({
    challenge: challengeSchema,
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.code === undefined) === (v.recoveryCode === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'give either the code from your authenticator app or a recovery code',
      });
    }
  });
export type SecondFactorSignInRequest = z.input<typeof secondFactorSignInSchema>;

/** POST /api/auth/login/enrol: start the enrolment the organisation requires, during sign-in. */
export const signInEnrolmentSchema = z.object({ challenge: challengeSchema }).strict();
/** POST /api/auth/login/enrol/confirm. */
export const signInEnrolmentConfirmSchema = z
  .object({ challenge: challengeSchema, code: totpCodeSchema })
  .strict();

/** A new authenticator to add: shown once. */
export interface EnrolmentStart {
  /** The `otpauth://totp/…` URI the QR code encodes. */
  otpauthUri: string;
  /** The QR code as an `data:image/svg+xml;base64,…` URL. */
  qrCode: string;
  /** The secret in Base32, for typing into an app by hand. */
  secret: string;
  issuer: string;
  account: string;
}

/** POST /api/auth/second-factor/confirm and /recovery-codes and /remove: a current code. */
export const currentCodeSchema = z.object({ code: totpCodeSchema }).strict();
export type CurrentCodeRequest = z.input<typeof currentCodeSchema>;

/** Handed out once, when a factor is confirmed or the codes are made anew. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** GET /api/auth/second-factor: one's own factor. */
export interface SecondFactorStatus {
  enrolled: boolean;
  enrolledAt: string | null;
  /** Recovery codes not yet used. */
  recoveryCodesLeft: number;
  /** The organisation requires a factor for this person's role: it cannot be removed. */
  required: boolean;
}

/** GET /api/people/{userId}/second-factor: what an administrator sees of a person's factor. */
export interface PersonSecondFactor {
  enrolled: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
}
