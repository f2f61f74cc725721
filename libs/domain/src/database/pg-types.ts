import pg from 'pg';

const NUMERIC_OID = 1700;
const INT8_OID = 20;

/**
 * node-postgres returns `numeric` and `bigint` as strings to avoid precision loss. Our amounts fit a double
 * comfortably (values to 4 decimals, counts far below 2^53), and DESIGN §4 promises JSON numbers, so every
 * query, ORM or raw SQL, gets numbers.
 */
export function parseNumericsAsNumbers(): void {
  pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));
  pg.types.setTypeParser(INT8_OID, (value) => Number(value));
}
