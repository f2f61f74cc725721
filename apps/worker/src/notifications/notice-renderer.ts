import type { Notification } from '#database';
import type { NotificationKind } from '#domain';
import type { RenderedEmail } from '#notifications';
import type { FactoryProvider, Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A file sent with an email. */
export type EmailAttachment = { filename: string; content: Buffer; contentType: string };

/** An email ready for the transport. */
export type OutgoingEmail = RenderedEmail & { attachments: EmailAttachment[] };

/** What a renderer answers when what the email was about no longer calls for it: the row ends `suppressed`. */
export type NoLongerDue = { noLongerDue: string };

/**
 * Puts the outbox rows of some kinds into words, at send time: loads what the email is about as it stands now
 * (in the sending transaction) and renders its template, or says why it is no longer due (a reminder for a plan
 * already submitted).
 */
export interface NoticeRenderer {
  readonly kinds: readonly NotificationKind[];
  render(manager: EntityManager, notification: Notification): Promise<OutgoingEmail | NoLongerDue>;
}

export const NOTICE_RENDERERS = Symbol('NOTICE_RENDERERS');

/** The renderers, one per group of kinds, collected under NOTICE_RENDERERS for the content service. */
export function noticeRenderersProvider(renderers: Type<NoticeRenderer>[]): FactoryProvider<NoticeRenderer[]> {
  return { provide: NOTICE_RENDERERS, useFactory: (...found: NoticeRenderer[]) => found, inject: renderers };
}
