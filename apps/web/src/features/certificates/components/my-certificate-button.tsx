import { downloadMyCertificate } from '../api/certificates';
import { DownloadButton } from './download-button';

/** On a completed item of My training: the learner's certificate, as a PDF. */
export function MyCertificateButton({
  assignmentId,
  moduleTitle,
}: {
  assignmentId: string;
  moduleTitle: string;
}) {
  return (
    <DownloadButton
      variant="light"
      start={() => downloadMyCertificate(assignmentId)}
      aria-label={`Download certificate for ${moduleTitle}`}
      failureTitle="The certificate could not be downloaded"
    >
      Download certificate
    </DownloadButton>
  );
}
