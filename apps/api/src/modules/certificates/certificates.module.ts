import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CertificateIssuer } from './certificate-issuer.service.js';
import {
  CertificatesController,
  MyCertificateListController,
  MyCertificatesController,
} from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';
import { VerifyController } from './verify.controller.js';
import { VerifyThrottle } from './verify-throttle.service.js';

/**
 * Certificates of completion: issued with each completion (CertificateIssuer, used by learning),
 * downloaded as PDF, zipped for a filter, revoked and reinstated, and verified by anyone.
 */
@Module({
  imports: [AuditModule],
  controllers: [
    MyCertificatesController,
    MyCertificateListController,
    CertificatesController,
    VerifyController,
  ],
  providers: [CertificatesService, CertificateIssuer, VerifyThrottle],
  exports: [CertificateIssuer],
})
export class CertificatesModule {}
