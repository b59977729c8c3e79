import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../../src/store/sql-statements.js';

describe('splitSqlStatements', () => {
  it.each([
    ['plain statements', 'CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);\n', ['CREATE TABLE a (x int)', 'INSERT INTO a VALUES (1)']],
    ['a function body', 'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NULL;\nEND\n$$;\nSELECT 1', ['CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NULL;\nEND\n$$', 'SELECT 1']],
    ['a tagged body', "CREATE FUNCTION g() AS $body$ SELECT ';' $$ ; $body$;", ["CREATE FUNCTION g() AS $body$ SELECT ';' $$ ; $body$"]],
    ['strings and names', `INSERT INTO "a;b" VALUES ('x;y', 'it''s;');`, [`INSERT INTO "a;b" VALUES ('x;y', 'it''s;')`]],
    ['comments', '-- one; two\nSELECT 1; /* three; */ SELECT 2;\n-- only a comment\n', ['-- one; two\nSELECT 1', '/* three; */ SELECT 2']],
    ['positional parameters are not dollar quotes', 'SELECT $1; SELECT $2', ['SELECT $1', 'SELECT $2']],
  ])('%s', (_, script, statements) => {
    expect(splitSqlStatements(script)).toEqual(statements);
  });
});
