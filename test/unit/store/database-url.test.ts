import { describe, expect, it } from 'vitest';
import { PacerError } from '../../../src/errors.js';
import { parseDatabaseUrl } from '../../../src/store/database.js';

describe('parseDatabaseUrl', () => {
  it.each([
    [undefined, { kind: 'pglite', folder: './data' }],
    ['', { kind: 'pglite', folder: './data' }],
    ['  ', { kind: 'pglite', folder: './data' }],
    ['pglite:memory', { kind: 'pglite', folder: null }],
    ['pglite:./var/pacer', { kind: 'pglite', folder: './var/pacer' }],
    ['pglite:/srv/pacer data', { kind: 'pglite', folder: '/srv/pacer data' }],
    ['postgres://db.internal/pacer', { kind: 'postgres', url: 'postgres://db.internal/pacer' }],
    ['postgresql://u:p@127.0.0.1:5432/pacer?sslmode=require', { kind: 'postgres', url: 'postgresql://u:p@127.0.0.1:5432/pacer?sslmode=require' }],
  ])('reads %j', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each(['pglite:', 'sqlite:./data.db', 'mysql://u:secret@host/db', './data', 'postgres://', 'memory'])(
    'refuses %j with a message that says what would work',
    (url) => {
      const error = catchError(() => parseDatabaseUrl(url));
      expect(error).toBeInstanceOf(PacerError);
      expect(error).toMatchObject({ code: 'database_url_invalid' });
      expect(error.message).toContain('pglite:<folder>');
      expect(error.message).toContain('postgresql://');
      expect(error.message).not.toContain('secret');
    },
  );
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}
