import type { VersionHistoryEntry } from '@countersign/contracts/authoring';

/**
 * The two versions to compare: `?from=&to=` when both name versions of the module, else the
 * previous version against the latest. Null while there is only one version.
 */
export function comparedPair(
  versions: readonly VersionHistoryEntry[],
  params: URLSearchParams,
): { from: number; to: number } | null {
  if (versions.length < 2) return null;
  const known = new Set(versions.map((v) => v.version));
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (known.has(from) && known.has(to)) return { from, to };
  // Newest first, as the API answers.
  return { from: versions[1].version, to: versions[0].version };
}
