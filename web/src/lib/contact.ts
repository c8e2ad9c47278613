/** A `tel:` address for a number written for people: "+44 (0)1632 960 000" -> "tel:+441632960000". */
export function telHref(phone: string): string {
  const international = phone.trim().startsWith('+');
  const digits = phone.replace(/\(0\)/g, '').replace(/\D/g, '');
  return `tel:${international ? '+' : ''}${digits}`;
}
