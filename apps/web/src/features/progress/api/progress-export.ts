import type { ComplianceReportQuery, ProgressExportQuery } from '@countersign/contracts/progress';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** The list's query, less its paging, in the order the schema lists it. */
const EXPORT_KEYS = ['status', 'departmentId', 'moduleId', 'q', 'sort', 'leavers'] as const;

function withQuery(path: string, query: Readonly<Record<string, unknown>>, keys: readonly string[]): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The CSV export of exactly the list on screen: the same filters and sort (the page number is
 * left out: the file holds every page).
 */
export function progressExportPath(filters: ProgressExportQuery & { page?: unknown }): string {
  return withQuery('/progress/export.csv', filters, EXPORT_KEYS);
}

export function complianceReportPath(query: ComplianceReportQuery): string {
  return withQuery('/progress/compliance-report.pdf', query, ['departmentId', 'date']);
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Downloads the list as CSV. Fetched, not linked, so the button can show that it is working and a
 * refusal shows as a message instead of being saved as a file.
 */
export function useExportProgress() {
  return useMutation({
    mutationFn: (filters: ProgressExportQuery) =>
      apiClient.download(progressExportPath(filters), `progress-${today()}.csv`),
  });
}

/** Downloads the compliance report (PDF) of a department, or the organisation, as of a day. */
export function useComplianceReport() {
  return useMutation({
    mutationFn: (query: ComplianceReportQuery) =>
      apiClient.download(complianceReportPath(query), `compliance-${query.date ?? today()}.pdf`),
  });
}
