/**
 * A migration script cut into its statements at the semicolons outside quotes, dollar-quoted
 * bodies and comments. @prisma/adapter-pg's `executeScript` cuts at every `;` (7.10:
 * `script.split(";")`), which breaks a function body such as a trigger's.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const skipTo = (end: string, from: number) => {
    const found = script.indexOf(end, from);
    return found === -1 ? script.length : found + end.length;
  };
  const dollarTag = /\$[A-Za-z_]*\$/y;
  while (i < script.length) {
    const rest = script.slice(i, i + 2);
    dollarTag.lastIndex = i;
    const dollar = script[i] === '$' ? dollarTag.exec(script) : null;
    if (rest === '--') i = skipTo('\n', i);
    else if (rest === '/*') i = skipTo('*/', i + 2);
    else if (script[i] === "'") i = skipTo("'", i + 1);
    else if (script[i] === '"') i = skipTo('"', i + 1);
    else if (dollar) i = skipTo(dollar[0], i + dollar[0].length);
    else if (script[i] === ';') {
      statements.push(script.slice(start, i));
      start = i += 1;
    } else i += 1;
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}
