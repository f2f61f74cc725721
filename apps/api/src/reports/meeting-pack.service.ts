import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '#domain';
import {
  loadMeetingPack,
  meetingPackFileName,
  renderMeetingPackHtml,
  renderMeetingPackPdf,
  type MeetingPack,
} from '#reporting';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  async render(departmentId: string, month: string, format: MeetingPackFormat): Promise<MeetingPackDocument> {
    const pack = await this.load(departmentId, month);
    const fileName = meetingPackFileName(pack.department.code, month, format);
    const currency = this.config.get('CURRENCY');
    if (format === 'html') {
      return {
        content: Buffer.from(renderMeetingPackHtml(pack, { currency })),
        contentType: 'text/html; charset=utf-8',
        fileName,
      };
    }
    return { content: await renderMeetingPackPdf(pack, { currency }), contentType: 'application/pdf', fileName };
  }

  private async load(departmentId: string, month: string): Promise<MeetingPack> {
    const pack = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      loadMeetingPack(manager, departmentId, month),
    );
    if (!pack) throw DomainError.notFound('Department', departmentId);
    return pack;
  }
}
