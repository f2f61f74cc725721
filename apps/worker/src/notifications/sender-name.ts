/** "Procurement Office" from "Procurement Office <procurement@city.example>": who signs the emails. */
export function senderName(from: string): string {
  return /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1] ?? from;
}
