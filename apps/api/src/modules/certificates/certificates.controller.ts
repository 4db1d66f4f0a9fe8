import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  certificateDecisionSchema,
  certificateListQuerySchema,
  certificateZipQuerySchema,
  type CertificateView,
} from '@countersign/contracts/certificates';
import { ZipArchive } from 'archiver';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { contentDisposition } from '../approaches/attachment-type.js';
import { certificateFileName } from './certificate-files.js';
import { renderCertificate } from './certificate-pdf.js';
import { type CertificateRow, CertificatesService, factsOf } from './certificates.service.js';

/** Sends a certificate's PDF as a download, generated as it streams. */
async function pdfDownload(
  certificates: CertificatesService,
  row: CertificateRow,
  res: FastifyReply,
): Promise<StreamableFile> {
  const pdf = renderCertificate(factsOf(row), certificates.verifyUrl(row.code));
  res.header('Cache-Control', 'private, no-store');
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: contentDisposition('attachment', certificateFileName(row)),
  });
}

@ApiTags('certificates')
@Controller('me/assignments')
export class MyCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':assignmentId/certificate')
  @ApiProduces('application/pdf')
  @Authenticated({
    permission: 'training:play',
    summary: 'The certificate (PDF) of one of your completed assignments.',
  })
  async download(
    @CurrentUser() auth: AuthContext,
    @Param('assignmentId', new UuidParamPipe('assignmentId')) assignmentId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return pdfDownload(this.certificates, await this.certificates.mine(auth, assignmentId), res);
  }
}

@ApiTags('certificates')
@Controller('me/certificates')
export class MyCertificateListController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @Authenticated({
    permission: 'training:play',
    summary:
      'Your own certificates, every cycle (earlier refreshes too), newest first; download each by its assignment.',
  })
  list(@CurrentUser() auth: AuthContext): Promise<CertificateView[]> {
    return this.certificates.mineAll(auth);
  }
}

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @Authenticated({
    permission: 'progress:read',
    summary: "A person's certificates, every cycle, newest first, with any revocation.",
  })
  list(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(certificateListQuerySchema) query: z.infer<typeof certificateListQuerySchema>,
  ): Promise<CertificateView[]> {
    return this.certificates.forPerson(auth.organisationId, query.userId);
  }

  /**
   * Built as a stream: certificates are read in batches and each PDF is generated and written
   * into the zip as the client reads, so memory stays flat however many there are.
   */
  @Get('zip')
  @ApiProduces('application/zip')
  @Authenticated({
    permission: 'progress:read',
    summary:
      'A zip of the certificates of every completed row of the people list for these filters (the filters of GET /api/progress). Recorded in the audit log.',
  })
  async zip(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(certificateZipQuerySchema) query: z.infer<typeof certificateZipQuerySchema>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const { batches } = await this.certificates.startZip(auth, query);
    const zip = new ZipArchive({ zlib: { level: 6 } });
    const fill = async () => {
      const names = new Set<string>();
      for await (const batch of batches()) {
        for (const row of batch) {
          let name = certificateFileName(row);
          // Two people of the same name on the same module: the code part differs, but be sure.
          if (names.has(name)) name = name.replace(/\.pdf$/, ` ${row.id.slice(0, 8)}.pdf`);
          names.add(name);
          // One PDF in flight at a time; the zip waits for the client when it reads slowly. A client
          // that goes away destroys the zip (close): stop there instead of waiting for ever.
          if (zip.destroyed) return;
          const pdf = renderCertificate(factsOf(row), this.certificates.verifyUrl(row.code));
          await new Promise<void>((resolve, reject) => {
            const settle = (error?: Error) => {
              zip.off('entry', done).off('error', fail).off('close', closed);
              if (error) reject(error);
              else resolve();
            };
            const done = () => settle();
            const fail = (error: Error) => settle(error);
            const closed = () => settle(new Error('The download was closed before the zip was complete.'));
            zip.once('entry', done).once('error', fail).once('close', closed);
            zip.append(pdf, { name, date: new Date(row.completed_at) });
          });
        }
      }
      await zip.finalize();
    };
    fill().catch((error: unknown) => zip.destroy(error instanceof Error ? error : new Error(String(error))));
    const day = new Date().toISOString().slice(0, 10);
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: contentDisposition('attachment', `certificates-${day}.zip`),
    });
  }

  @Get(':certificateId/pdf')
  @ApiProduces('application/pdf')
  @Authenticated({ permission: 'progress:read', summary: "Anyone's certificate (PDF) in your organisation." })
  async download(
    @CurrentUser() auth: AuthContext,
    @Param('certificateId', new UuidParamPipe('certificateId')) certificateId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return pdfDownload(
      this.certificates,
      await this.certificates.byId(auth.organisationId, certificateId),
      res,
    );
  }

  @Post(':certificateId/revoke')
  @HttpCode(200)
  @Authenticated({
    permission: 'certificates:revoke',
    summary: 'Revoke a certificate: the verify page says so from now on. Audited with the reason.',
  })
  @ApiBody({ schema: z.toJSONSchema(certificateDecisionSchema, { io: 'input' }) as object })
  revoke(
    @CurrentUser() auth: AuthContext,
    @Param('certificateId', new UuidParamPipe('certificateId')) certificateId: string,
    @Body(new ZodValidationPipe(certificateDecisionSchema)) body: z.infer<typeof certificateDecisionSchema>,
  ): Promise<CertificateView> {
    return this.certificates.revoke(auth, certificateId, body.reason);
  }

  @Post(':certificateId/reinstate')
  @HttpCode(200)
  @Authenticated({
    permission: 'certificates:revoke',
    summary: 'Reinstate a revoked certificate: valid again. Audited with the reason.',
  })
  @ApiBody({ schema: z.toJSONSchema(certificateDecisionSchema, { io: 'input' }) as object })
  reinstate(
    @CurrentUser() auth: AuthContext,
    @Param('certificateId', new UuidParamPipe('certificateId')) certificateId: string,
    @Body(new ZodValidationPipe(certificateDecisionSchema)) body: z.infer<typeof certificateDecisionSchema>,
  ): Promise<CertificateView> {
    return this.certificates.reinstate(auth, certificateId, body.reason);
  }
}
