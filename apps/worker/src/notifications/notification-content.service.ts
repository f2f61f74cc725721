import { Inject, Injectable } from '@nestjs/common';
import type { Notification } from '#database';
import type { NotificationKind } from '#domain';
import type { EntityManager } from 'typeorm';
import { NOTICE_RENDERERS, type NoLongerDue, type NoticeRenderer, type OutgoingEmail } from './notice-renderer.js';

/** Puts an outbox row into words through the renderer of its kind; every kind has exactly one. */
@Injectable()
export class NotificationContentService {
  private readonly byKind: Map<NotificationKind, NoticeRenderer>;

  constructor(@Inject(NOTICE_RENDERERS) renderers: NoticeRenderer[]) {
    this.byKind = new Map();
    for (const renderer of renderers) {
      for (const kind of renderer.kinds) {
        if (this.byKind.has(kind)) throw new Error(`Two renderers for ${kind} notifications`);
        this.byKind.set(kind, renderer);
      }
    }
  }

  async render(manager: EntityManager, notification: Notification): Promise<OutgoingEmail | NoLongerDue> {
    const renderer = this.byKind.get(notification.kind);
    if (!renderer) throw new Error(`No renderer for ${notification.kind} notifications`);
    return renderer.render(manager, notification);
  }
}
