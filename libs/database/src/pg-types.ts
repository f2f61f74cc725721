import pg from 'pg';

const NUMERIC_OID = 1700;
const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Numbers: node-postgres returns `numeric` and `bigint` as strings to avoid precision loss. Our amounts fit a double
 * comfortably (values to 4 decimals, counts far below 2^53), and the product design (§4) promises JSON numbers, so every
 * query, ORM or raw SQL, gets numbers.
 */
export function configurePgTypes(): void {
  pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));
  pg.types.setTypeParser(INT8_OID, (value) => Number(value));
  // A calendar date stays the string it is ('2026-03-31'): turning it into a Date at local midnight of the
  // server's zone shifts it by a day for anyone east or west of that zone.
  pg.types.setTypeParser(DATE_OID, (value) => value);
}
