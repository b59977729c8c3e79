import type { WebClient } from '@slack/web-api';
import { buildLeadImportModal } from '../../../../blocks/lead-import.js';
import type { Translator } from '../../../i18n/index.js';

/**
 * `/lead import`: the form with a file_input. Choosing a file needs the files:read scope; the file is
 * read when the form is submitted (views/lead-import-submit.ts).
 */
export async function openLeadImport(client: WebClient, triggerId: string, tr: Translator): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: buildLeadImportModal(tr) });
}
