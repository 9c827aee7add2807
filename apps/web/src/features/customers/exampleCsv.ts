/** The columns the server reads, in order; only name and email are required. */
export const CSV_HEADER = 'name,email,phone,language,organisation,notes';

const EXAMPLE = [
  CSV_HEADER,
  'Ada Lovelace,ada@example.com,+44 20 7946 0000,en-GB,Analytical Engines Ltd,Prefers email',
  'José Álvarez,jose.alvarez@example.es,,es,,',
  '"Chen, Wei",wei.chen@example.com,+1 415 555 0100,en,"Acme, Inc.","Key account; renews in March"',
].join('\r\n');

/** A data: address, so the example downloads with a plain link (no script, works with the keyboard). */
export const exampleCsvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${EXAMPLE}\r\n`)}`;
