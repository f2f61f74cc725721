import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';

/** Who a link in an email is for: the person the portal will know when it is opened. */
export type LinkHolder = { vendorId: string } | { headEmail: string };

/**
 * Every link an email carries to the portal, built in one place: `path` is a portal page (`/portal/contracts/…`),
 * `holder` the person the email is addressed to. Takes the sending transaction, for links that are recorded.
 */
@Injectable()
export class EmailLinks {
  constructor(private readonly config: ConfigService<WorkerEnv, true>) {}

  async portalLink(_manager: EntityManager, _holder: LinkHolder, path: string): Promise<string> {
    return `${this.config.get('PUBLIC_BASE_URL').replace(/\/+$/, '')}${path}`;
  }
}
