import QRCode from 'qrcode';

/**
 * A QR code for a link, as SVG markup drawn on the server (no script, no inline styles), announced as an image
 * with `label`.
 */
export async function qrSvg(link: string, label: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const safe = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${safe}" `);
}
