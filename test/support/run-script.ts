import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSlackStandIn, type SlackStandIn } from '../../src/stand-in/slack-web-api.js';
import { openDatabase } from '../../src/store/database.js';
import { createEmptyDatabaseUrl } from './test-database.js';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const script = (name: string) => new URL(`../../src/jobs/cli/${name}.ts`, import.meta.url).pathname;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A job command (`run-job`, `schedule`) as an operator runs it: its own process, configured by its environment only. */
export function runJobScript(name: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, script(name), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      cwd: new URL('../../', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A database as a job process finds it: team East in Warsaw with one rep, Rita, who logged three
 * calls on Wednesday 25 November 2026.
 */
export interface SeededTeam {
  teamId: string;
  channelId: string;
  digestChannelId?: string;
  createdBy: string;
  ritaId: string;
}

export async function seedEastWithRita(url: string, team: SeededTeam): Promise<void> {
  const db = await openDatabase(url, { command: 'test' });
  try {
    const { teamId, ritaId, createdBy } = team;
    const east = await db.prisma.salesTeam.create({
      data: { teamId, name: 'East', nameKey: 'east', channelId: team.channelId, digestChannelId: team.digestChannelId ?? null, timeZone: 'Europe/Warsaw', createdBy },
    });
    await db.prisma.salesTeamMember.create({ data: { teamId, salesTeamId: east.id, userId: ritaId, role: 'member', addedBy: createdBy, addedAt: new Date('2026-11-01T00:00:00Z') } });
    await db.prisma.member.create({ data: { teamId, userId: ritaId, name: 'Rita', timeZone: 'Europe/Warsaw', locale: 'en-US', refreshedAt: new Date() } });
    await db.prisma.activity.create({ data: { teamId, userId: ritaId, typeKey: 'call', count: 3, points: 3, occurredAt: new Date('2026-11-25T09:00:00Z') } });
  } finally {
    await db.close();
  }
}

/**
 * For a describe block of job processes: a stand-in Slack for the block and, before each test, a new
 * database seeded by `seedEastWithRita` with the environment a job process is started with.
 */
export function useSeededJobProcess(team: SeededTeam): { slack: SlackStandIn; env: Record<string, string> } {
  const fixture = {} as { slack: SlackStandIn; env: Record<string, string> };
  beforeAll(async () => {
    fixture.slack = await startSlackStandIn({ users: [] });
  });
  afterAll(() => fixture.slack.close());
  beforeEach(async () => {
    fixture.slack.reset();
    const database = await createEmptyDatabaseUrl();
    await seedEastWithRita(database.url, team);
    fixture.env = { SLACK_BOT_TOKEN: 'xoxb-job-test', SLACK_SIGNING_SECRET: 'job-test-secret', SLACK_API_URL: fixture.slack.url, DATABASE_URL: database.url };
    return () => database.dispose();
  });
  return fixture;
}
