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
