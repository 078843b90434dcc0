/**
 * A QR code drawn as Preact SVG elements from uqr's module matrix: no markup string is ever
 * parsed, so nothing in the encoded text can reach the DOM as HTML.
 */
import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

/** Quiet zone around the code, in modules: scanners need it. */
const BORDER = 2;

export function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  // One path with a square per dark module keeps the DOM to a single element.
  const { path, modules } = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 0 });
    let d = '';
    data.forEach((row, y) => row.forEach((dark, x) => {
      if (dark) d += `M${x + BORDER} ${y + BORDER}h1v1h-1z`;
    }));
    return { path: d, modules: data.length + 2 * BORDER };
  }, [text]);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shape-rendering="crispEdges"
    >
      <title>{label}</title>
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
