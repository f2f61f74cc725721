import type { RecipientAnswers } from '#domain';

/** What went wrong with an SMTP delivery, as nodemailer reports it. */
type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

/** A 5xx answer is the server's final refusal: retrying would be refused again. */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as SmtpError).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A short reason for the outbox row: the server's answer when there is one, otherwise the error. */
export function describeSmtpError(error: unknown): string {
  const smtp = error as SmtpError;
  const reason = smtp.response ?? smtp.message ?? String(error);
  return (smtp.code && !reason.includes(smtp.code) ? `${smtp.code}: ${reason}` : reason).slice(0, 1000);
}

/** What nodemailer reports of a message the server took for some recipients: accepted ones, and refusals. */
type SentInfo = { accepted?: unknown[]; rejected?: unknown[]; rejectedErrors?: SmtpRecipientError[] };
type SmtpRecipientError = SmtpError & { recipient?: string };

const addressOf = (entry: unknown): string =>
  typeof entry === 'string' ? entry : String((entry as { address?: string }).address ?? entry);

/** The server's answer per recipient; nodemailer resolves when at least one was accepted. */
export function recipientAnswers(info: SentInfo): RecipientAnswers {
  const errors = info.rejectedErrors ?? [];
  const refused = (info.rejected ?? []).map(addressOf).map((address) => {
    const error = errors.find((candidate) => candidate.recipient === address);
    return {
      address,
      responseCode: error?.responseCode,
      response: (error?.response ?? error?.message ?? 'refused').slice(0, 300),
    };
  });
  return { accepted: (info.accepted ?? []).map(addressOf), refused };
}
