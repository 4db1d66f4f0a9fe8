import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { certificateCodeSchema, type CertificateVerification } from '@countersign/contracts/certificates';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/authenticated.decorator.js';
import { validationError } from '../../common/zod-validation.pipe.js';
import { CertificatesService } from './certificates.service.js';
import { VerifyThrottle } from './verify-throttle.service.js';

@ApiTags('certificates')
@Controller('verify')
export class VerifyController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly throttle: VerifyThrottle,
  ) {}

  @Get(':code')
  @Public(
    'Check a certificate code: valid or revoked, with the facts the certificate states (organisation, person, module, version, completion date, score) and nothing else. Rate-limited per address.',
  )
  @ApiNotFoundResponse({ description: '`certificate_unknown`: no certificate has this code.' })
  @ApiTooManyRequestsResponse({ description: '`too_many_verifications`, with Retry-After.' })
  async verify(@Param('code') raw: string, @Req() req: FastifyRequest): Promise<CertificateVerification> {
    await this.throttle.consume(req.ip || 'unknown');
    const parsed = certificateCodeSchema.safeParse(raw);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is not a certificate code';
      throw validationError(parsed.error.issues, `code: ${message}`, [{ field: 'code', message }]);
    }
    return this.certificates.verify(parsed.data);
  }
}
