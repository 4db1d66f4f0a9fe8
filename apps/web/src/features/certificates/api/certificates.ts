import type {
  CertificateDecision,
  CertificateVerification,
  CertificateView,
  CertificateZipQuery,
} from '@countersign/contracts/certificates';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '../../../lib/api-client';

/** The public verify answer for a code (no session needed). */
export function verificationQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['certificates', 'verify', code],
    queryFn: ({ signal }) =>
      apiClient.get<CertificateVerification>(`/verify/${encodeURIComponent(code)}`, undefined, signal),
    enabled: code !== '',
    // "Unknown", "malformed" and "too many" are answers, not glitches to retry.
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

export function useVerification(code: string) {
  return useQuery(verificationQueryOptions(code));
}

const personKey = (userId: string) => ['certificates', 'person', userId] as const;

export function personCertificatesQueryOptions(userId: string) {
  return queryOptions({
    queryKey: personKey(userId),
    queryFn: ({ signal }) => apiClient.get<CertificateView[]>('/certificates', { userId }, signal),
  });
}

export function usePersonCertificates(userId: string) {
  return useQuery(personCertificatesQueryOptions(userId));
}

/** The signed-in learner's own certificates, every cycle. */
export function useMyCertificates() {
  return useQuery({
    queryKey: ['certificates', 'mine'],
    queryFn: ({ signal }) => apiClient.get<CertificateView[]>('/me/certificates', undefined, signal),
  });
}

/** Revoke or reinstate one of a person's certificates; the person's list is refreshed. */
export function useCertificateDecision(userId: string, certificateId: string, kind: 'revoke' | 'reinstate') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificateDecision) =>
      apiClient.post<CertificateView>(`/certificates/${encodeURIComponent(certificateId)}/${kind}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: personKey(userId) }),
  });
}

/** The learner's own certificate of one completed assignment. */
export const downloadMyCertificate = (assignmentId: string) =>
  apiClient.download(`/me/assignments/${encodeURIComponent(assignmentId)}/certificate`, 'certificate.pdf');

/** Any certificate of the organisation (officers). */
export const downloadCertificate = (certificateId: string) =>
  apiClient.download(`/certificates/${encodeURIComponent(certificateId)}/pdf`, 'certificate.pdf');

/** The query string of the people list's filters, for the zip of their certificates. */
function zipPath(filters: CertificateZipQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/certificates/zip${search ? `?${search}` : ''}`;
}

export const downloadCertificatesZip = (filters: CertificateZipQuery) =>
  apiClient.download(zipPath(filters), 'certificates.zip');
