import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text that people typed (a KPI, vendor or contract name), made safe to open in a spreadsheet: a cell starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and Sheets when
 * the file is a CSV, so it gets a leading `'` (OWASP's advice on CSV injection), which they show as text. Numbers
 * never pass through it: a negative value stays a number. A SQL function because the CSV is written by
 * PostgreSQL (COPY); IMMUTABLE and one expression, so the planner inlines it. The first character is read as
 * its code (`=` 61, `+` 43, `-` 45, `@` 64, tab 9, CR 13): a substring would be a new string for every cell, four
 * times the cost over a million rows. XLSX cells are typed, so a string there is never a formula and is written
 * as it is.
 */
export class SpreadsheetText1796170400000 implements MigrationInterface {
  name = 'SpreadsheetText1796170400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION spreadsheet_text(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE WHEN ascii(value) IN (61, 43, 45, 64, 9, 13) THEN '''' || value ELSE value END`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION spreadsheet_text(text)`);
  }
}
