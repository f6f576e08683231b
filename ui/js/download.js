// @ts-check
// Files the API serves behind the API key: a plain link cannot send the key, so the page
// fetches the file with it and offers the answer as a download.
import { ApiError, authHeaders } from './api.js';

/**
 * Saves a blob as a file through a temporary link.
 * @param {Blob} blob
 * @param {string} filename
 */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches path with the API key and downloads it as filename.
 * @param {string} path
 * @param {string} filename
 * @param {string} accept
 */
export async function downloadFile(path, filename, accept) {
  const res = await fetch(path, { headers: { accept, ...authHeaders() } });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  saveBlob(await res.blob(), filename);
}
