/** A projected link as a person reads and types it (the QR code beside it holds the whole address). */

/** Longer addresses are cut with an ellipsis: the projector's mirror column is narrow. */
const ADDRESS_MAX = 34;

/** "example.org/palaute" for https://www.example.org/palaute/?x=1: what a person can type or recognise. */
export function shortAddress(url: string): string {
  let short = url;
  try {
    const u = new URL(url);
    short = (u.host.replace(/^www\./, '') + u.pathname).replace(/\/$/, '');
  } catch {
    // Mirror.add only stores valid addresses; show an odd one as it is.
  }
  return short.length > ADDRESS_MAX ? `${short.slice(0, ADDRESS_MAX - 1)}…` : short;
}
