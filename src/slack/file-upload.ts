import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { WebClient } from '@slack/web-api';

/** A file Pacer writes as it reads its rows, and where it goes. */
export interface WrittenFile<Result> {
  filename: string;
  title: string;
  channelId: string;
  /** Writes the file's bytes into `out` and ends it. */
  write(out: Writable): Promise<Result>;
}

/** Long enough for a year's export on a slow line; a stalled upload still ends. */
const uploadTimeoutMs = 120_000;

/**
 * Shares a file into a conversation without holding it in memory. files.uploadV2 (web-api 8) reads
 * a stream, or a path, whole into a Buffer, because files.getUploadURLExternal needs the length
 * first; so this takes the three documented steps itself: the file is written to a temporary file
 * (its size is the length), streamed from there to the upload URL, and the upload completed into
 * the conversation. https://docs.slack.dev/messaging/working-with-files#upload
 */
export async function shareWrittenFile<Result>(client: WebClient, file: WrittenFile<Result>): Promise<Result> {
  const folder = await mkdtemp(join(tmpdir(), 'pacer-file-'));
  try {
    const path = join(folder, 'file');
    const result = await file.write(createWriteStream(path));
    const { size } = await stat(path);
    const { upload_url: uploadUrl, file_id: fileId } = await client.files.getUploadURLExternal({ filename: file.filename, length: size });
    if (!uploadUrl || !fileId) throw new Error('files.getUploadURLExternal gave no upload_url');
    await postFile(uploadUrl, path, size);
    await client.files.completeUploadExternal({ files: [{ id: fileId, title: file.title }], channel_id: file.channelId });
    return result;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** POSTs a file's bytes, with their length, as a stream; Slack answers 200 once it has them all. */
async function postFile(url: string, path: string, size: number): Promise<void> {
  const request = (new URL(url).protocol === 'https:' ? httpsRequest : httpRequest)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
  });
  request.setTimeout(uploadTimeoutMs, () => request.destroy(new Error(`upload to Slack timed out after ${uploadTimeoutMs} ms`)));
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  const [, response] = await Promise.all([pipeline(createReadStream(path), request), answered]);
  response.resume();
  if (response.statusCode !== 200) throw new Error(`Slack refused the upload (HTTP ${response.statusCode ?? '?'})`);
}
