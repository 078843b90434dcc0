/** Saves text as a file in the browser, and fetches a token-protected export to save it. */
import { ApiFailure } from './api';

export function saveText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GET an export with the page's token (a plain link cannot carry it) and save it. */
export async function downloadExport(wallId: string, token: string, file: string): Promise<void> {
  const res = await fetch(`/api/walls/${encodeURIComponent(wallId)}/${file}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new ApiFailure(res.status === 401 ? 'unauthorized' : 'server', res.status);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `pajaseina-${wallId}-${file}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
