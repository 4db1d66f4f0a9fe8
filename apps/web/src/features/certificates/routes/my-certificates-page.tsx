import { PageHeader } from '../../../components/ui/page-header';
import { MyCertificates } from '../components/my-certificates';

/** "Your certificates" (/training/certificates): the learner's own, every cycle. */
export function MyCertificatesPage() {
  return (
    <>
      <PageHeader
        title="Your certificates"
        description="Proof of the training you completed, to download and hand to whoever asks."
      />
      <MyCertificates />
    </>
  );
}
