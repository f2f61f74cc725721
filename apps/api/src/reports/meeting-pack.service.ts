import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, packMonthHasBegun, type Clock } from '#domain';
import {
  loadMeetingPack,
  meetingPackFileName,
  renderMeetingPackHtml,
  renderMeetingPackPdf,
  type MeetingPack,
} from '#reporting';
import { CLOCK } from '#runtime';
import { DataSource } from 'typeorm';
import type { ApiEnv } from '../config/api-env.js';
import type { MeetingPackFormat } from './dto/meeting-pack.query.js';

export type MeetingPackDocument = { content: Buffer; contentType: string; fileName: string };

/**
 * A department's meeting pack, read in one snapshot so that the headline and the tables agree, and rendered in
 * memory: a pack is one department's month, small enough to hold, and a PDF's page count is known only at its end.
 */
@Injectable()
export class MeetingPackService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  /** The pack of a month that has begun in the city; a later month is an INVALID_INPUT DomainError on `period`. */
  async load(departmentId: string, month: string): Promise<MeetingPack> {
    const timeZone = this.config.get('CITY_TIMEZONE');
    const now = this.clock.now();
    if (!packMonthHasBegun(month, now, timeZone)) {
      throw DomainError.invalid(
        'period',
        `period ${month} has not begun yet (${timeZone}): ask for this month or earlier`,
      );
    }
    const pack = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      loadMeetingPack(manager, departmentId, month, { now, timeZone, trendPeriods: this.config.get('TREND_PERIODS') }),
    );
    if (!pack) throw DomainError.notFound('Department', departmentId);
    return pack;
  }

  /** The pack as a page or a PDF. */
  async render(pack: MeetingPack, format: Exclude<MeetingPackFormat, 'json'>): Promise<MeetingPackDocument> {
    const month = pack.month;
    const fileName = meetingPackFileName(pack.department.code, month, format);
    const options = { currency: this.config.get('CURRENCY'), language: this.config.get('ESCALATION_LANGUAGE') };
    if (format === 'html') {
      return {
        content: Buffer.from(renderMeetingPackHtml(pack, options)),
        contentType: 'text/html; charset=utf-8',
        fileName,
      };
    }
    return { content: await renderMeetingPackPdf(pack, options), contentType: 'application/pdf', fileName };
  }
}
