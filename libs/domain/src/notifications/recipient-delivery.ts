// Which recipients an email still has to reach, and what one attempt made of it. A mail server answers each
// recipient on its own: it can take the cc and refuse the `to`, and then the email has not done its job.

/** A recipient the server refused at RCPT TO, with its reply (`550 5.1.1 No such user`). */
export type RefusedRecipient = { address: string; responseCode: number | undefined; response: string };

/** What the server said to one attempt's recipients. */
export type RecipientAnswers = { accepted: string[]; refused: RefusedRecipient[] };

/**
 * The attempt's outcome. `sent` once every `to` recipient has been accepted (by this attempt or an earlier one);
 * `failed` when a `to` was refused for good (a 5xx reply), `retry` when one was only deferred (4xx, or no code).
 * `deliveredTo` is every recipient the server has accepted so far, so that a later attempt skips them.
 */
export type RecipientOutcome = { status: 'sent' | 'failed' | 'retry'; deliveredTo: string[]; reason: string | null };

const key = (address: string) => address.trim().toLowerCase();

/** The recipients (`to` and cc) not yet accepted by the server, in their order, each once. */
export function recipientsStillDue(to: string[], cc: string[], deliveredTo: string[]): string[] {
  const done = new Set(deliveredTo.map(key));
  const due: string[] = [];
  for (const address of [...to, ...cc]) {
    if (done.has(key(address))) continue;
    done.add(key(address));
    due.push(address);
  }
  return due;
}

/**
 * Judges one attempt by the server's answers per recipient. A refused cc does not keep the email from being
 * `sent` (it is named in the reason), since the notice is for its `to`; a refused `to` does.
 */
export function recipientOutcome(to: string[], deliveredBefore: string[], answers: RecipientAnswers): RecipientOutcome {
  const deliveredTo = [...deliveredBefore];
  const known = new Set(deliveredBefore.map(key));
  for (const address of answers.accepted) {
    if (known.has(key(address))) continue;
    known.add(key(address));
    deliveredTo.push(address);
  }
  const describe = (refused: RefusedRecipient[]) =>
    refused.map((recipient) => `${recipient.address} refused: ${recipient.response}`).join('; ');
  const toKeys = new Set(to.map(key));
  const refusedTo = answers.refused.filter((recipient) => toKeys.has(key(recipient.address)));
  if (to.every((address) => known.has(key(address)))) {
    return { status: 'sent', deliveredTo, reason: answers.refused.length ? describe(answers.refused) : null };
  }
  const final = refusedTo.some((recipient) => recipient.responseCode !== undefined && recipient.responseCode >= 500);
  const reason =
    describe(answers.refused) || `not accepted for ${to.filter((address) => !known.has(key(address))).join(', ')}`;
  return { status: final ? 'failed' : 'retry', deliveredTo, reason };
}
