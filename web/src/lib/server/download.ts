/** `attachment` with the file name as plain ASCII and, for any other letters, as UTF-8 (RFC 6266). */
export function attachment(fileName: string, fallback = 'download'): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '')
      .trim() || fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A file the signed-in person downloads: never cached, named by `attachment`. */
export function download(body: BodyInit, contentType: string, fileName: string, fallback?: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': attachment(fileName, fallback),
      'cache-control': 'private, no-store',
    },
  });
}

/** A file the API wrote (its DownloadFile: name, content type, bytes in base64), served as a download. */
export function downloadFile(file: { fileName: string; contentType: string; base64: string }, fallback?: string): Response {
  return download(Buffer.from(file.base64, 'base64'), file.contentType, file.fileName, fallback);
}
