import type { BlockAction, ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import type { ModalOrigin } from '../../blocks/modals.js';
import { readJson } from './button-values.js';

/** The workspace a click came from: `team` is null for some org-wide installs, the user's team is always there. */
export function teamIdOf(body: Pick<BlockAction, 'team' | 'user'> | { team: { id: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

const originSchema = z.object({ channelId: z.string().regex(/^[CDG][A-Z0-9]+$/).nullable() });

/** Where the modal was opened from, read back from private_metadata (untrusted on the way back). */
export function modalOrigin(view: Pick<ViewOutput, 'private_metadata'>): ModalOrigin {
  return readJson(originSchema, view.private_metadata) ?? { channelId: null };
}
