/**
 * Keys that find other reports of the same profile or the same name, whatever way the URL or the
 * name was written: `https://www.LinkedIn.com/in/jane-doe/?trk=x` and `http://linkedin.com/in/Jane-Doe`
 * are the same profile; "Jane  DOE", "jane doe" and "Jane Doé" the same name.
 */

/**
 * Host without `www.`/`m.`, and path without trailing slash, query or fragment, in lower case.
 * A bare site (`https://linkedin.com/`) names no profile: null.
 */
export function profileKey(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const path = decodeSafely(parsed.pathname).toLowerCase().replace(/\/+$/, '');
  return path ? `${host}${path}` : null;
}

/** Letters and digits only, accents removed, words separated by one space, in lower case. */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key || null;
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
