import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PerformanceEvaluation, type Notification } from '#database';
import { describePeriod, parsePeriod } from '#domain';
import { renderPerformanceEvaluation } from '#notifications';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { EmailLinks } from '../notifications/email-links.js';
import type { NoLongerDue, NoticeRenderer, OutgoingEmail } from '../notifications/notice-renderer.js';
import { senderName } from '../notifications/sender-name.js';

type ContractRow = {
  id: string;
  number: string;
  title: string;
  manager_email: string;
  vendor_id: string;
  vendor_name: string;
  department_name: string;
};

/** The email that issues a performance evaluation to the vendor, with its rating, narrative and comment deadline. */
@Injectable()
export class PerformanceEvaluationRenderer implements NoticeRenderer {
  readonly kinds = ['performance_evaluation'] as const;

  constructor(
    private readonly config: ConfigService<WorkerEnv, true>,
    private readonly links: EmailLinks,
  ) {}

  async render(manager: EntityManager, notification: Notification): Promise<OutgoingEmail | NoLongerDue> {
    const evaluation = await manager.findOneBy(PerformanceEvaluation, { id: notification.recordId! });
    // Issued evaluations never return to draft; one that is gone (a restored database) has nothing to say.
    if (!evaluation || evaluation.status === 'draft') return { noLongerDue: 'The evaluation is not issued' };
    const [contract]: ContractRow[] = await manager.query(
      `SELECT c.id, c.number, c.title, c.manager_email, c.vendor_id, v.legal_name AS vendor_name,
              d.name AS department_name
         FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN departments d ON d.id = c.department_id
        WHERE c.id = $1`,
      [evaluation.contractId],
    );
    const language = notification.language;
    const email = renderPerformanceEvaluation({
      language,
      vendorName: contract.vendor_name,
      contractNumber: contract.number,
      contractTitle: contract.title,
      departmentName: contract.department_name,
      fromLabel: describePeriod(parsePeriod(evaluation.fromMonth)!, language),
      toLabel: describePeriod(parsePeriod(evaluation.toMonth)!, language),
      contractUrl: await this.links.portalLink(
        manager,
        { vendorId: contract.vendor_id },
        `/portal/contracts/${contract.id}`,
      ),
      managerEmail: contract.manager_email,
      cityName: senderName(this.config.get('MAIL_FROM')),
      rating: evaluation.rating!,
      narrative: evaluation.narrative,
      figures: {
        evaluated: evaluation.evaluatedCount,
        onTrack: evaluation.onTrackCount,
        onTrackPercent: evaluation.onTrackPercent,
      },
      commentDueOn: evaluation.commentDueOn!,
    });
    return { ...email, attachments: [] };
  }
}
