/**
 * True for an absolute `http:` or `https:` URL: the only kind of URL a report may carry and
 * the UI may render as a link (never `javascript:` or `data:`). Reports stored before the
 * schema refused other URLs still hold them, so the UI checks too.
 * @public
 */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//.test(value)) return false;
  try {
    const { protocol, host } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && host !== '';
  } catch {
    return false;
  }
}
