import type { Logger, UploadedFile } from '@slack/bolt';
import { maxImportBytes } from '../domain/lead-import.js';
import { PacerError } from '../errors.js';

/** A download of an uploaded file gives up after this long: the person is looking at "Reading your file…". */
export const downloadTimeoutMs = 15_000;

export const importTooLarge = (): PacerError => new PacerError('import_too_large', { maxMb: maxImportBytes / 1024 / 1024 });

/** Refused before downloading: Slack says how large the file is. */
export function isTooLargeToImport(file: Pick<UploadedFile, 'size'>): boolean {
  return (file.size ?? 0) > maxImportBytes;
}

/**
 * Downloads a file someone chose in a modal's `file_input`, for `/lead import`. Slack serves it only
 * to a token with files:read, sent as a bearer header (https://docs.slack.dev/messaging/working-with-files).
 * The URL comes from a signed view_submission, so the token goes only where Slack pointed.
 * At most maxImportBytes are read, whatever the file's `size` or Content-Length claimed.
 */
export async function downloadImportFile(
  file: Pick<UploadedFile, 'url_private' | 'url_private_download' | 'size'>,
  botToken: string,
  logger: Logger,
): Promise<Uint8Array> {
  if (isTooLargeToImport(file)) throw importTooLarge();
  const failed = (why: string) => {
    logger.warn(`could not download an uploaded file: ${why}`);
    return new PacerError('import_download_failed');
  };
  let response: Response;
  try {
    response = await fetch(file.url_private_download || file.url_private, {
      headers: { Authorization: `Bearer ${botToken}` },
      signal: AbortSignal.timeout(downloadTimeoutMs),
    });
  } catch (error) {
    throw failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  if (!response.ok || !response.body) throw failed(`HTTP ${response.status}`);
  // Without a token that may read the file, Slack answers 200 with its HTML sign-in page, not an error.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    await response.body.cancel();
    throw failed('Slack answered with a web page (a sign-in page: the token may not read files)');
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxImportBytes) {
    await response.body.cancel();
    throw importTooLarge();
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      length += chunk.value.byteLength;
      if (length > maxImportBytes) {
        await reader.cancel();
        throw importTooLarge();
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof PacerError) throw error;
    throw failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return Buffer.concat(chunks);
}
