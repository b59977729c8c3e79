import { describe, expect, it } from 'vitest';
import { maxImportBytes, maxImportRows, readLeadCsv, type LeadImportOptions } from '../../../src/domain/lead-import.js';
import { PacerError } from '../../../src/errors.js';

const people = new Map([
  ['jane doe', 'U1'],
  ['jane@acme.test', 'U1'],
  ['@jane', 'U1'],
  ['<@u2>', 'U2'],
  ['bob', 'U2'],
]);
const options: LeadImportOptions = {
  today: '2026-03-10',
  resolveOwner: (ref) => people.get(ref.toLowerCase()) ?? null,
  defaultOwnerId: 'UME',
};
const encode = (text: string) => new TextEncoder().encode(text);
const read = (text: string, with_: Partial<LeadImportOptions> = {}) => readLeadCsv(encode(text), { ...options, ...with_ });

const refusal = (bytes: Uint8Array) => {
  try {
    readLeadCsv(bytes, options);
  } catch (error) {
    if (error instanceof PacerError) return { code: error.code, vars: error.vars };
    throw error;
  }
  return undefined;
};

const draft = { account: null, value: null, productLine: null, source: 'own', stage: 'new', nextFollowUpOn: null } as const;

describe('readLeadCsv: exports as people upload them', () => {
  it('reads a Google Sheets export', () => {
    const csv = [
      'Lead,Value,Stage,Follow-up,Account,Product,Owner,Source,Notes',
      'Acme roof,"$12,000.50",Qualified,2026-03-14,Acme Inc,#Roofing,jane@acme.test,inbound,Call after lunch',
      'Birch Dental,8000,new,,,,,,',
      'Cedar Homes,12k,Won,2026-02-01,,,bob,referral,',
    ].join('\n');
    expect(read(csv)).toEqual({
      mapping: [
        { column: 'name', header: 'Lead' },
        { column: 'value', header: 'Value' },
        { column: 'stage', header: 'Stage' },
        { column: 'followUp', header: 'Follow-up' },
        { column: 'account', header: 'Account' },
        { column: 'product', header: 'Product' },
        { column: 'owner', header: 'Owner' },
        { column: 'source', header: 'Source' },
        { column: 'note', header: 'Notes' },
      ],
      ignored: [],
      leads: [
        {
          line: 2,
          ownerId: 'U1',
          draft: { name: 'Acme roof', account: 'Acme Inc', value: 12000.5, productLine: 'roofing', source: 'company', stage: 'qualified', nextFollowUpOn: '2026-03-14' },
          note: 'Call after lunch',
        },
        { line: 3, ownerId: 'UME', draft: { ...draft, name: 'Birch Dental', value: 8000 }, note: null },
        { line: 4, ownerId: 'U2', draft: { ...draft, name: 'Cedar Homes', value: 12000, stage: 'won', nextFollowUpOn: '2026-02-01' }, note: null },
      ],
      problems: [],
      rows: 3,
    });
  });

  it('reads a Salesforce-like export: the opportunity names the lead, the account is the account', () => {
    const csv = [
      '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Expected Revenue","Close Date","Lead Source","Next Step","Description"',
      '"Jane Doe","Globex","Globex - 40 seats","Proposal/Price Quote","40,000.00","24,000.00","3/31/2026","Web","Send revised quote","Wants annual billing"',
      '"Jane Doe","Initech","Initech renewal","Closed Lost","9,500.00","0.00","2/28/2026","Partner","",""',
    ].join('\r\n');
    const preview = read(csv);
    expect(preview.mapping).toEqual([
      { column: 'owner', header: 'Opportunity Owner' },
      { column: 'account', header: 'Account Name' },
      { column: 'name', header: 'Opportunity Name' },
      { column: 'stage', header: 'Stage' },
      { column: 'value', header: 'Amount' },
      { column: 'source', header: 'Lead Source' },
      { column: 'note', header: 'Description' },
    ]);
    expect(preview.ignored).toEqual(['Expected Revenue', 'Close Date', 'Next Step']);
    expect(preview.leads).toEqual([
      {
        line: 2,
        ownerId: 'U1',
        draft: { ...draft, name: 'Globex - 40 seats', account: 'Globex', value: 40000, stage: 'estimate', source: 'company' },
        note: 'Wants annual billing',
      },
    ]);
    expect(preview.problems).toEqual([{ line: 3, reason: 'source “Partner” is neither company (inbound) nor own (outbound)' }]);
  });

  it('reads a European Excel export: BOM, semicolons, CRLF, decimal commas and dotted dates', () => {
    const csv = '\uFEFFName;Value;Stage;Follow up\r\nMüller GmbH;12.500,50;Negotiation;15.3.2026\r\nÖkobau AG;"1.234.567";contacted;01.04.2026\r\n';
    const preview = read(csv);
    expect(preview.mapping.map((m) => m.header)).toEqual(['Name', 'Value', 'Stage', 'Follow up']);
    expect(preview.leads.map((l) => [l.line, l.draft.name, l.draft.value, l.draft.stage, l.draft.nextFollowUpOn])).toEqual([
      [2, 'Müller GmbH', 12500.5, 'negotiation', '2026-03-15'],
      [3, 'Ökobau AG', 1234567, 'contacted', '2026-04-01'],
    ]);
  });

  it.each([
    ['tab', 'Name\tValue\tNotes\nAcme, Inc.\t100\tsaid "maybe"\n'],
    ['sep= line', 'sep=;\nName;Value;Notes\nAcme, Inc.;100;said "maybe"\n'],
  ])('detects the delimiter: %s', (_, csv) => {
    expect(read(csv).leads).toEqual([{ line: 2, ownerId: 'UME', draft: { ...draft, name: 'Acme, Inc.', value: 100 }, note: 'said "maybe"' }]);
  });

  it('reads quoted commas, quotes and line breaks; a multi-line cell is still one row', () => {
    const csv = 'Name,Value,Notes\n"Acme, Inc.","1,000","First call went well.\r\nSecond: ""send pricing"""\n"Birch\nDental",200,\n';
    const preview = read(csv);
    expect(preview.leads).toEqual([
      { line: 2, ownerId: 'UME', draft: { ...draft, name: 'Acme, Inc.', value: 1000 }, note: 'First call went well.\nSecond: "send pricing"' },
      { line: 3, ownerId: 'UME', draft: { ...draft, name: 'Birch Dental', value: 200 }, note: null },
    ]);
  });

  it('reads Excel’s UTF-16 "Unicode Text" export', () => {
    const text = 'Name\tValue\r\nAcme\t5\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((ch, i) => bytes.set([ch.charCodeAt(0), 0], 2 + i * 2));
    expect(readLeadCsv(bytes, options).leads.map((l) => [l.draft.name, l.draft.value])).toEqual([['Acme', 5]]);
  });

  it('skips blank rows silently and keeps the spreadsheet’s row numbers', () => {
    const preview = read('Name,Value\n\nAcme,1\n,\n  ,  \nBirch,2\n');
    expect(preview.leads.map((l) => [l.line, l.draft.name])).toEqual([[3, 'Acme'], [6, 'Birch']]);
    expect(preview.rows).toBe(2);
    expect(preview.problems).toEqual([]);
  });
});

describe('readLeadCsv: column mapping', () => {
  it('ignores case, spaces, underscores and punctuation, and reports what it ignored', () => {
    const preview = read('LEAD_NAME, Deal Value ,Next Follow-Up,#product,Assigned To,Lead Source,Comments,Phone,\nAcme,1,,,,,,555,\n');
    expect(preview.mapping).toEqual([
      { column: 'name', header: 'LEAD_NAME' },
      { column: 'value', header: 'Deal Value' },
      { column: 'followUp', header: 'Next Follow-Up' },
      { column: 'product', header: '#product' },
      { column: 'owner', header: 'Assigned To' },
      { column: 'source', header: 'Lead Source' },
      { column: 'note', header: 'Comments' },
    ]);
    expect(preview.ignored).toEqual(['Phone']);
  });

  it.each([
    ['the first of two equal columns wins', 'Name,Notes,Notes', { name: 'Name', note: 'Notes' }, ['Notes']],
    ['a better word wins over an earlier column', 'Company,Lead', { name: 'Lead', account: 'Company' }, []],
    ['company names the lead when nothing else does', 'Company,Value', { name: 'Company', value: 'Value' }, []],
    ['stage is preferred over status', 'Status,Deal,Stage', { name: 'Deal', stage: 'Stage' }, ['Status']],
    ['amount is preferred over expected revenue', 'Expected Revenue,Amount,Opportunity', { name: 'Opportunity', value: 'Amount' }, ['Expected Revenue']],
    ['owner is preferred over a plain e-mail', 'Email,Lead,Owner Email', { name: 'Lead', owner: 'Owner Email' }, ['Email']],
  ])('%s', (_, header, expected, ignored) => {
    const preview = read(`${header}\n${header.split(',').map(() => 'x').join(',')}\n`);
    expect(Object.fromEntries(preview.mapping.map((m) => [m.column, m.header]))).toEqual(expected);
    expect(preview.ignored).toEqual(ignored);
  });
});

describe('readLeadCsv: cells that read', () => {
  const cellOf = (header: string, cell: string) => {
    const preview = read(`Name,${header}\nAcme,"${cell}"\n`);
    expect(preview.problems).toEqual([]);
    return preview.leads[0];
  };

  it.each([
    ['12000', 12000],
    ['12,000', 12000],
    ['$12,000.50', 12000.5],
    ['12k', 12000],
    ['1.5m', 1500000],
    ['12000.50', 12000.5],
    ['12000 €', 12000],
    ['€ 12 000', 12000],
    ['£12 000,50', 12000.5],
    ['12.000,50', 12000.5],
    ['1.234.567', 1234567],
    ['12,5', 12.5],
    ['0.500', 0.5],
    ['0', 0],
    ['', null],
  ])('value %j is %j', (cell, expected) => {
    expect(cellOf('Value', cell)?.draft.value).toBe(expected);
  });

  it.each([
    ['', 'new'],
    ['NEW', 'new'],
    ['Prospect', 'new'],
    ['lead', 'new'],
    ['Contacted', 'contacted'],
    ['attempted', 'contacted'],
    ['qualified', 'qualified'],
    ['SQL', 'qualified'],
    ['Proposal', 'estimate'],
    ['quote', 'estimate'],
    ['Estimate sent', 'estimate'],
    ['estimate', 'estimate'],
    ['Negotiation', 'negotiation'],
    ['negotiating', 'negotiation'],
    ['contract_sent', 'negotiation'],
    ['Closed Won', 'won'],
    ['closed-won', 'won'],
    ['won', 'won'],
    ['Closed Lost', 'lost'],
    ['LOST', 'lost'],
  ])('stage %j is %s', (cell, expected) => {
    expect(cellOf('Stage', cell)?.draft.stage).toBe(expected);
  });

  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-3-4', '2026-03-04'],
    ['14.3.2026', '2026-03-14'],
    ['04.03.2026', '2026-03-04'],
    ['2026/03/14', '2026-03-14'],
    ['3/14/2026', '2026-03-14'],
    ['14/3/2026', '2026-03-14'],
    ['5/5/2026', '2026-05-05'],
    ['2026-03-14 10:00', '2026-03-14'],
    ['2026-03-14T10:00:00', '2026-03-14'],
    ['3/14/2026 9:30 AM', '2026-03-14'],
    ['March 14, 2026', '2026-03-14'],
    ['14 Mar 2026', '2026-03-14'],
    ['14-Mar-2026', '2026-03-14'],
    ['2025-12-01', '2025-12-01'],
    ['', null],
  ])('follow-up %j is %j (past dates are kept: they become missed follow-ups)', (cell, expected) => {
    expect(cellOf('Follow-up', cell)?.draft.nextFollowUpOn).toBe(expected);
  });

  it.each([
    ['', 'own'],
    ['Company', 'company'],
    ['inbound', 'company'],
    ['Marketing', 'company'],
    ['website', 'company'],
    ['own', 'own'],
    ['Outbound', 'own'],
    ['referral', 'own'],
    ['self', 'own'],
    ['prospecting', 'own'],
  ])('source %j is %s', (cell, expected) => {
    expect(cellOf('Source', cell)?.draft.source).toBe(expected);
  });

  it.each([
    ['#Roofing', 'roofing'],
    ['solar-2.0', 'solar-2.0'],
    ['heat_pumps', 'heat_pumps'],
    ['', null],
  ])('product %j is %j', (cell, expected) => {
    expect(cellOf('Product', cell)?.draft.productLine).toBe(expected);
  });
});

describe('readLeadCsv: rows it will not guess about', () => {
  const header = 'Name,Value,Stage,Follow-up,Owner,Source,Product,Account,Notes';
  const row = (cells: Partial<Record<'name' | 'value' | 'stage' | 'followUp' | 'owner' | 'source' | 'product' | 'account' | 'note', string>>) =>
    [cells.name ?? 'Acme', cells.value, cells.stage, cells.followUp, cells.owner, cells.source, cells.product, cells.account, cells.note]
      .map((c) => `"${c ?? ''}"`)
      .join(',');

  it.each([
    ['no name', row({ name: ' ', value: '100' }), 'name is missing'],
    ['a long name', row({ name: 'x'.repeat(201) }), 'name is longer than 200 characters'],
    ['a value that is not a number', row({ value: 'abc' }), 'value “abc” is not a number'],
    ['a negative value', row({ value: '-500' }), 'value “-500” is below zero'],
    ['a value read two ways', row({ value: '12.000' }), 'value “12.000” is ambiguous (12 or 12000?)'],
    ['a value too large', row({ value: '200,000,000' }), 'value “200,000,000” is over 100,000,000'],
    ['a value with fractions of a cent', row({ value: '12000.505' }), 'value “12000.505” has more than two decimals'],
    ['an unknown stage', row({ stage: 'Hot' }), 'stage “Hot” is not one of new, contacted, qualified, estimate, negotiation, won, lost'],
    ['a stage that is an object key', row({ stage: 'constructor' }), 'stage “constructor” is not one of new, contacted, qualified, estimate, negotiation, won, lost'],
    ['a day-month order nobody can tell', row({ followUp: '03/04/2026' }), 'follow-up “03/04/2026” is ambiguous: write 2026-04-03 or 2026-03-04'],
    ['an impossible ISO date', row({ followUp: '2026-02-30' }), 'follow-up “2026-02-30” is not a real date'],
    ['an impossible day-first date', row({ followUp: '31/02/2026' }), 'follow-up “31/02/2026” is not a real date'],
    ['an impossible dotted date', row({ followUp: '32.01.2026' }), 'follow-up “32.01.2026” is not a real date'],
    ['words for a date', row({ followUp: 'next week' }), 'follow-up “next week” is not a date'],
    ['a follow-up far away', row({ followUp: '2046-03-11' }), 'follow-up “2046-03-11” is more than 10 years away'],
    ['a spreadsheet placeholder date', row({ followUp: '1900-01-01' }), 'follow-up “1900-01-01” is more than 10 years away'],
    ['an unknown owner', row({ owner: 'Zed' }), 'owner “Zed” is not someone Pacer knows in this workspace'],
    ['an unknown source', row({ source: 'TV ad' }), 'source “TV ad” is neither company (inbound) nor own (outbound)'],
    ['a product of two words', row({ product: 'roof tiles' }), 'product “roof tiles” is not one word (letters, digits, . - _)'],
    ['a long product', row({ product: 'p'.repeat(51) }), `product “${'p'.repeat(39)}…” is longer than 50 characters`],
    ['a long account', row({ account: 'a'.repeat(201) }), 'account is longer than 200 characters'],
    ['a long note', row({ note: 'n'.repeat(501) }), 'note is longer than 500 characters'],
    ['a short row', 'Acme,100', 'has 2 cells but the header has 9'],
    ['a row with an extra cell', `${row({})},"Inc."`, 'has 10 cells but the header has 9'],
    ['several problems at once', row({ value: 'abc', stage: 'Hot' }), 'value “abc” is not a number; stage “Hot” is not one of new, contacted, qualified, estimate, negotiation, won, lost'],
  ])('%s', (_, line, reason) => {
    const preview = read(`${header}\n${line}\n`);
    expect(preview.leads).toEqual([]);
    expect(preview.problems).toEqual([{ line: 2, reason }]);
    expect(preview.rows).toBe(1);
  });

  it('a short row is reported alone; the other rows still import', () => {
    const preview = read('Name,Value,Stage\nAcme,100,new\nBirch,200\nCedar,300,won\n');
    expect(preview.leads.map((l) => l.line)).toEqual([2, 4]);
    expect(preview.problems).toEqual([{ line: 3, reason: 'has 2 cells but the header has 3' }]);
  });
});

describe('readLeadCsv: owners', () => {
  it('resolves each owner once and gives rows without one to the importer', () => {
    const asked: string[] = [];
    const resolveOwner = (ref: string) => {
      asked.push(ref);
      return people.get(ref.toLowerCase()) ?? null;
    };
    const preview = read('Name,Owner\nA,Jane Doe\nB,<@U2>\nC,\nD,@jane\nE,Jane Doe\nF,nobody@else.test\nG,nobody@else.test\n', { resolveOwner });
    expect(preview.leads.map((l) => [l.draft.name, l.ownerId])).toEqual([['A', 'U1'], ['B', 'U2'], ['C', 'UME'], ['D', 'U1'], ['E', 'U1']]);
    expect(preview.problems).toEqual([
      { line: 7, reason: 'owner “nobody@else.test” is not someone Pacer knows in this workspace' },
      { line: 8, reason: 'owner “nobody@else.test” is not someone Pacer knows in this workspace' },
    ]);
    expect(asked).toEqual(['Jane Doe', '<@U2>', '@jane', 'nobody@else.test']);
  });
});

describe('readLeadCsv: duplicates in the file', () => {
  it('reports a lead name repeated for the same owner, by the name as Pacer matches it', () => {
    const preview = read('Name,Owner,Value\nAcme Roof,bob,1\nacme  roof,Bob,2\nAcme Roof,jane doe,3\nAcme Roof,,4\n');
    expect(preview.leads.map((l) => [l.line, l.ownerId])).toEqual([[2, 'U2'], [4, 'U1'], [5, 'UME']]);
    expect(preview.problems).toEqual([{ line: 3, reason: 'duplicate in file: “acme roof” for the same owner is also on line 2' }]);
  });

  it('still reports the repeat when the first row has another problem', () => {
    const preview = read('Name,Value\nAcme,abc\nAcme,100\n');
    expect(preview.problems).toEqual([
      { line: 2, reason: 'value “abc” is not a number' },
      { line: 3, reason: 'duplicate in file: “Acme” for the same owner is also on line 2' },
    ]);
  });
});

describe('readLeadCsv: files it refuses', () => {
  const rowsOf = (count: number) => `Name,Value\n${Array.from({ length: count }, (_, i) => `Lead ${i},${i}`).join('\n')}\n`;

  it.each([
    ['an empty file', encode(''), { code: 'import_empty', vars: {} }],
    ['only blank lines', encode('\r\n\r\n'), { code: 'import_empty', vars: {} }],
    ['a header only', encode('Name,Value\r\n'), { code: 'import_empty', vars: {} }],
    ['a header and blank rows', encode('Name,Value\n,\n\n'), { code: 'import_empty', vars: {} }],
    ['binary bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), { code: 'import_not_csv', vars: { reason: 'it is not UTF-8 text' } }],
    ['NUL bytes', encode('Name,Value\nAcme\u0000,1\n'), { code: 'import_not_csv', vars: { reason: 'it contains binary data' } }],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), { code: 'import_not_csv', vars: { reason: 'it is a workbook or zip file, not CSV text' } }],
    ['Windows-1252 text', new Uint8Array([...encode('Name\nM'), 0xfc, ...encode('ller\n')]), { code: 'import_not_csv', vars: { reason: 'it is not UTF-8 text' } }],
    ['an unclosed quote', encode('Name,Notes\nAcme,"never closed\nBirch,ok\n'), { code: 'import_not_csv', vars: { reason: 'a quote is never closed' } }],
    ['text after a closing quote', encode('Name,Notes\nAcme,"closed"late\n'), { code: 'import_not_csv', vars: { reason: 'text follows a closing quote on line 2' } }],
    ['5,001 rows', encode(rowsOf(maxImportRows + 1)), { code: 'import_too_many', vars: { max: 5000, count: 5001 } }],
    ['more than 2 MB', encode(`Name\n${'a'.repeat(maxImportBytes)}\n`), { code: 'import_too_large', vars: { maxMb: 2 } }],
    ['no column for the name', encode('Customer,Value,,\nAcme,100,,\n'), { code: 'import_no_name_column', vars: { columns: 'Customer, Value' } }],
  ])('%s', (_, bytes, expected) => {
    expect(refusal(bytes)).toEqual(expected);
  });

  it('takes exactly 5,000 rows', () => {
    const preview = read(rowsOf(maxImportRows));
    expect(preview.rows).toBe(5000);
    expect(preview.leads).toHaveLength(5000);
  });

  it('needs today as an ISO date', () => {
    expect(() => read('Name\nAcme\n', { today: '10.03.2026' })).toThrow('today must be YYYY-MM-DD');
  });
});
