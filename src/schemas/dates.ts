import { Type } from 'typebox';

/**
 * The window of dates Waveplan accepts in any request: 1970-01-01 to 2199-12-31. Planned dates
 * may run later (to 9999-12-31); what a client sends may not, so no date can ask the service to
 * reason over millennia.
 */
export const DATE_WINDOW = { first: '1970-01-01', last: '2199-12-31' } as const;

const YEAR = '(19[7-9]\\d|2[01]\\d\\d)';

/** A calendar date (YYYY-MM-DD) inside DATE_WINDOW. */
export const IsoDate = Type.String({ format: 'date', pattern: `^${YEAR}-\\d{2}-\\d{2}$`, description: `YYYY-MM-DD, from ${DATE_WINDOW.first} to ${DATE_WINDOW.last}` });

/** An RFC 3339 date-time inside DATE_WINDOW. */
export const IsoDateTime = Type.String({ format: 'date-time', pattern: `^${YEAR}-`, description: `RFC 3339 date-time, from ${DATE_WINDOW.first} to ${DATE_WINDOW.last}` });
