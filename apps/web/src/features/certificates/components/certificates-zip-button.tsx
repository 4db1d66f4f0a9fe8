import type { CertificateZipQuery } from '@countersign/contracts/certificates';
import { downloadCertificatesZip } from '../api/certificates';
import { DownloadButton } from './download-button';

/**
 * On the officer's people list: the certificates of every completed row matching the current
 * filters (all pages), as one zip. The server records the export in the audit log.
 */
export function CertificatesZipButton({ filters }: { filters: CertificateZipQuery }) {
  const { status, departmentId, moduleId, q, leavers } = filters;
  return (
    <DownloadButton
      variant="default"
      start={() => downloadCertificatesZip({ status, departmentId, moduleId, q, leavers })}
      failureTitle="No certificates were downloaded"
    >
      Download certificates (zip)
    </DownloadButton>
  );
}
