import type { Clock } from '../clock.js';
import { readLeadCsv, type ImportedLead, type ImportProblem, type LeadImportPreview } from '../domain/lead-import.js';
import type { Member } from '../domain/members.js';
import { localDate } from '../domain/periods.js';
import { mayLeadRep } from '../domain/roles.js';
import { PacerError } from '../errors.js';
import type { LeadImportStore } from '../store/lead-import-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { RoleBook } from './role-book.js';

export interface ImportFile {
  bytes: Uint8Array;
  name: string;
}

/** A row left out because the importer may not keep leads for the owner it names. */
export interface ImportOwnerRefused {
  line: number;
  ownerId: string;
}

/** Why a row is left out: the file's own reason (in `reason`), or an owner the importer may not import for. */
export type ImportRowProblem = ImportProblem | ImportOwnerRefused;

/** What `/lead import` shows before anything is saved. */
export interface ImportPreview extends Omit<LeadImportPreview, 'problems'> {
  /** The pending import the person confirms; null when no row can be imported (nothing was kept). */
  importId: string | null;
  fileName: string;
  /** By row number. */
  problems: ImportRowProblem[];
}

/** What only Slack can say about the people an owner cell names; the listener backs it with its WebClient. */
export interface SlackPeople {
  /** The id when it is a person of the workspace (users.info), null for nobody or a bot. */
  byId(userId: string): Promise<string | null>;
  /** users.lookupByEmail (scope users:read.email): the person with that address, null for nobody. */
  byEmail(email: string): Promise<string | null>;
}

export interface LeadImports {
  /** Reads a CSV into a preview and keeps its importable rows, for an hour, until the person confirms. */
  preview(actor: Member, file: ImportFile, people: SlackPeople): Promise<ImportPreview>;
  /** Saves a pending import of the actor's, permissions checked again; names an owner already has open are skipped. */
  confirm(actor: Member, importId: string): Promise<{ created: number; skipped: string[] }>;
}

/** Owner cells that need Slack (mentions, e-mails) are looked up at most this many distinct times per file. */
export const maxOwnerLookups = 200;
const lookupsAtOnce = 4;
/**
 * Rows saved per createMany. Its interactive transaction has Prisma's default 5 s timeout, and Prisma
 * takes ~12 s to insert 5,000 leads and their events (PostgreSQL 15 on localhost), so one call for a
 * whole file expires (P2028) and saves nothing; 500 take ~1.2 s. A batch that fails leaves the earlier
 * ones saved: importing the file again skips them, as names their owners already have open.
 */
const saveBatchRows = 500;

const mentionPattern = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
// "Rita Rep <rita@example.com>", as Outlook and several CRMs write a person.
const emailPattern = /^(?:[^<>]*<)?([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>?$/;

/** What an owner cell names: a Slack user id or an e-mail (asked of Slack), or a name (matched to what Pacer knows). */
interface OwnerRef {
  kind: 'id' | 'email' | 'name';
  key: string;
}

const refKey = (ref: OwnerRef): string => `${ref.kind}:${ref.key}`;

function ownerRef(cell: string): OwnerRef {
  const mention = mentionPattern.exec(cell);
  if (mention?.[1]) return { kind: 'id', key: mention[1] };
  const email = emailPattern.exec(cell);
  if (email?.[1]) return { kind: 'email', key: email[1].toLowerCase() };
  return { kind: 'name', key: nameKey(cell.replace(/^@/, '')) };
}

function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

export function createLeadImports(deps: {
  imports: LeadImportStore;
  leads: LeadStore;
  members: MemberStore;
  roles: RoleBook;
  clock: Clock;
}): LeadImports {
  const { imports, leads, members, roles, clock } = deps;

  /** A rep imports for themself; another owner only for a manager of that owner's team, or an admin (as `assign`). */
  async function ownersAllowed(actor: Member, ownerIds: Iterable<string>): Promise<Set<string>> {
    const others = [...new Set(ownerIds)].filter((id) => id !== actor.userId);
    const allowed = new Set([actor.userId]);
    if (others.length === 0) return allowed;
    const actorRoles = await roles.of(actor);
    const reps = await Promise.all(others.map((id) => roles.repOf(actor.teamId, id)));
    for (const rep of reps) if (mayLeadRep(actorRoles, rep)) allowed.add(rep.userId);
    return allowed;
  }

  /** Each distinct owner cell to a Slack user id (or null): mentions and e-mails through Slack, names from what Pacer knows. */
  async function resolveOwners(teamId: string, cells: ReadonlySet<string>, people: SlackPeople): Promise<Map<string, string | null>> {
    const refs = new Map([...cells].map((cell) => [cell, ownerRef(cell)]));
    const asked = new Map([...refs.values()].filter((ref) => ref.kind !== 'name').map((ref) => [refKey(ref), ref]));
    if (asked.size > maxOwnerLookups) throw new PacerError('import_too_many_owners', { max: maxOwnerLookups });
    const found = new Map<string, string | null>();
    const pending = [...asked.values()];
    // A few at a time: users.lookupByEmail is rate limited per workspace (Tier 3).
    for (let i = 0; i < pending.length; i += lookupsAtOnce) {
      await Promise.all(
        pending.slice(i, i + lookupsAtOnce).map(async (ref) => {
          found.set(refKey(ref), ref.kind === 'email' ? await people.byEmail(ref.key) : await people.byId(ref.key));
        }),
      );
    }
    const byName = new Map<string, string | null>();
    if ([...refs.values()].some((r) => r.kind === 'name')) {
      for (const [userId, name] of await members.names(teamId, 'everyone')) {
        const key = nameKey(name);
        // Two people of the same name: the cell says neither.
        byName.set(key, byName.has(key) ? null : userId);
      }
    }
    return new Map(
      [...refs].map(([cell, ref]) => [cell, (ref.kind === 'name' ? byName.get(ref.key) : found.get(refKey(ref))) ?? null]),
    );
  }

  return {
    async preview(actor, file, people) {
      const today = localDate(clock.now(), actor.timeZone);
      // readLeadCsv is pure and asks for owners synchronously, while finding one may take a call to Slack.
      // So the file is read twice: first only to collect the owner cells (and to refuse a broken file before
      // any lookup), then, with every cell looked up, for real. Parsing is cheap next to a Slack round trip.
      const cells = new Set<string>();
      const collect = (ref: string): null => {
        cells.add(ref);
        return null;
      };
      readLeadCsv(file.bytes, { today, defaultOwnerId: actor.userId, resolveOwner: collect });
      const owners = await resolveOwners(actor.teamId, cells, people);
      const read = readLeadCsv(file.bytes, { today, defaultOwnerId: actor.userId, resolveOwner: (ref) => owners.get(ref) ?? null });

      const allowed = await ownersAllowed(actor, read.leads.map((lead) => lead.ownerId));
      const importable: ImportedLead[] = [];
      const refused: ImportOwnerRefused[] = [];
      for (const lead of read.leads) {
        if (allowed.has(lead.ownerId)) importable.push(lead);
        else refused.push({ line: lead.line, ownerId: lead.ownerId });
      }
      const importId = importable.length > 0 ? await imports.save(actor.teamId, actor.userId, importable, clock.now()) : null;
      return {
        ...read,
        importId,
        fileName: file.name,
        leads: importable,
        problems: [...read.problems, ...refused].sort((a, b) => a.line - b.line),
      };
    },

    async confirm(actor, importId) {
      const rows = await imports.load(actor.teamId, actor.userId, importId, clock.now());
      if (!rows) throw new PacerError('import_expired');
      // Roles may have changed since the preview: a rep moved out of the manager's team is refused now.
      const allowed = await ownersAllowed(actor, rows.map((row) => row.ownerId));
      const refused = rows.find((row) => !allowed.has(row.ownerId));
      if (refused) throw new PacerError('import_owner_forbidden', { owner: refused.ownerId });
      // Taken before saving: of two confirmations of one preview (a retried request), only one finds it.
      if (!(await imports.delete(actor.teamId, actor.userId, importId))) throw new PacerError('import_expired');
      const event = { by: actor.userId, at: clock.now() };
      let created = 0;
      const skipped: string[] = [];
      for (let i = 0; i < rows.length; i += saveBatchRows) {
        const saved = await leads.createMany(actor.teamId, rows.slice(i, i + saveBatchRows), event);
        created += saved.created;
        skipped.push(...saved.skipped);
      }
      return { created, skipped };
    },
  };
}
