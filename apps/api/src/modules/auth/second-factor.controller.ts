import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { SessionResponse } from '@countersign/contracts/auth';
import {
  currentCodeSchema,
  secondFactorSignInSchema,
  signInEnrolmentConfirmSchema,
  signInEnrolmentSchema,
  type EnrolmentStart,
  type PersonSecondFactor,
  type RecoveryCodes,
  type SecondFactorStatus,
} from '@countersign/contracts/second-factor';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser, Public } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { AuthService } from './auth.service.js';
import { SecondFactorService } from './second-factor.service.js';
import { setSessionCookie } from './session-cookie.js';

const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as object;

/**
 * The steps of a password sign-in after the password, for a person with an authenticator app (or
 * one their organisation requires). Public: the challenge from POST /api/auth/login is the proof
 * that the password was right.
 */
@ApiTags('auth')
@Controller('auth/login')
export class SecondFactorSignInController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('second-factor')
  @HttpCode(200)
  @Public(
    'Finish signing in with the code from the authenticator app, or a recovery code; sets the session cookie. Wrong codes count as failed sign-ins.',
  )
  @ApiBody({ schema: schemaOf(secondFactorSignInSchema) })
  async secondFactor(
    @Body(new ZodValidationPipe(secondFactorSignInSchema)) body: z.infer<typeof secondFactorSignInSchema>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SessionResponse> {
    const { token, session } = await this.auth.loginWithSecondFactor(
      body,
      req.ip || 'unknown',
      req.headers['user-agent'],
    );
    setSessionCookie(res, token, this.config);
    return session;
  }

  @Post('enrol')
  @HttpCode(200)
  @Public(
    'Sign-in held up because the organisation requires an authenticator app: the secret and QR code to add one (shown once).',
  )
  @ApiBody({ schema: schemaOf(signInEnrolmentSchema) })
  enrol(
    @Body(new ZodValidationPipe(signInEnrolmentSchema)) body: z.infer<typeof signInEnrolmentSchema>,
  ): Promise<EnrolmentStart> {
    return this.auth.startEnrolmentAtSignIn(body.challenge);
  }

  @Post('enrol/confirm')
  @HttpCode(200)
  @Public(
    'Confirm the new authenticator app with its first code: sets the session cookie and answers the ten recovery codes (shown once).',
  )
  @ApiBody({ schema: schemaOf(signInEnrolmentConfirmSchema) })
  async confirmEnrolment(
    @Body(new ZodValidationPipe(signInEnrolmentConfirmSchema))
    body: z.infer<typeof signInEnrolmentConfirmSchema>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SessionResponse & RecoveryCodes> {
    const { token, session, recoveryCodes } = await this.auth.confirmEnrolmentAtSignIn(
      body.challenge,
      body.code,
      req.ip || 'unknown',
      req.headers['user-agent'],
    );
    setSessionCookie(res, token, this.config);
    return { ...session, recoveryCodes };
  }
}

/** One's own authenticator app: add, confirm, new recovery codes, remove. */
@ApiTags('auth')
@Controller('auth/second-factor')
export class SecondFactorController {
  constructor(
    private readonly factors: SecondFactorService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Authenticated({
    permission: 'account:self',
    summary:
      'Your second factor: whether you have an authenticator app, recovery codes left, whether it is required.',
  })
  status(@CurrentUser() auth: AuthContext): Promise<SecondFactorStatus> {
    return this.factors.status(auth);
  }

  @Post('enrol')
  @HttpCode(200)
  @Authenticated({
    permission: 'account:self',
    summary:
      'Start adding an authenticator app: a new secret with its otpauth URI and QR code (shown once). 409 when one is set up.',
  })
  enrol(@CurrentUser() auth: AuthContext): Promise<EnrolmentStart> {
    return this.factors.start(auth);
  }

  @Post('confirm')
  @HttpCode(200)
  @Authenticated({
    permission: 'account:self',
    summary:
      'Confirm the new authenticator app with a code from it: sign-in asks for a code from now on; answers the ten recovery codes (shown once); your other sessions end.',
  })
  @ApiBody({ schema: schemaOf(currentCodeSchema) })
  async confirm(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(currentCodeSchema)) body: z.infer<typeof currentCodeSchema>,
  ): Promise<RecoveryCodes> {
    const { recoveryCodes, otherSessionsEnded } = await this.factors.confirmOwn(auth, body.code);
    if (otherSessionsEnded) this.auth.forgetUser(auth.userId);
    return { recoveryCodes };
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @Authenticated({
    permission: 'account:self',
    summary:
      'Ten new recovery codes for a current code (shown once); the old ones stop working. A wrong code counts as a failed sign-in.',
  })
  @ApiBody({ schema: schemaOf(currentCodeSchema) })
  recoveryCodes(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(currentCodeSchema)) body: z.infer<typeof currentCodeSchema>,
    @Req() req: FastifyRequest,
  ): Promise<RecoveryCodes> {
    return this.factors.regenerateRecoveryCodes(auth, body.code, req.ip || 'unknown');
  }

  @Post('remove')
  @HttpCode(204)
  @Authenticated({
    permission: 'account:self',
    summary:
      'Remove your authenticator app, for a current code; refused while your organisation requires one for your role.',
  })
  @ApiBody({ schema: schemaOf(currentCodeSchema) })
  remove(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(currentCodeSchema)) body: z.infer<typeof currentCodeSchema>,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    return this.factors.removeOwn(auth, body.code, req.ip || 'unknown');
  }
}

/** An administrator's view and reset of another person's second factor. */
@ApiTags('people')
@Controller('people/:userId/second-factor')
export class PersonSecondFactorController {
  constructor(
    private readonly factors: SecondFactorService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Authenticated({
    permission: 'people:manage',
    summary: 'Whether the person has an authenticator app, since when, and recovery codes left.',
  })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
  ): Promise<PersonSecondFactor> {
    return this.factors.ofPerson(auth, userId);
  }

  @Post('reset')
  @HttpCode(200)
  @Authenticated({
    permission: 'people:manage',
    summary:
      'Reset a person’s second factor (a lost phone): their app and recovery codes are removed and their sessions end. Audited.',
  })
  async reset(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
  ): Promise<PersonSecondFactor & { sessionsEnded: number }> {
    const { sessionsEnded } = await this.factors.reset(auth, userId);
    this.auth.forgetUser(userId);
    return { enrolled: false, enrolledAt: null, recoveryCodesLeft: 0, sessionsEnded };
  }
}
