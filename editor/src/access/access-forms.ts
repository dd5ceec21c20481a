/** Pure helpers of the access screens: role lists, list toggles and request bodies. */

export { callbackRoles as groupRoles, roles as allRoles } from '../../../schemas/roles.ts';

/** The list with `item` added or removed, sorted so saved lists compare equal. */
export function toggled(list: readonly string[], item: string, on: boolean): string[] {
  const rest = list.filter((x) => x !== item);
  return (on ? [...rest, item] : rest).sort();
}

/** The body of PUT /queues/{vq}/permissions from the form: no folder is null, inheriting is read null. */
export function queuePermissionBody(
  folder: string,
  inherit: boolean,
  read: readonly string[],
): { folder: string | null; read: string[] | null } {
  return { folder: folder === '' ? null : folder, read: inherit ? null : [...read].sort() };
}

/** Who reads a queue in effect, as a translation key and its groups. */
export function effectiveReaders(effectiveRead: readonly string[] | null): { key: string; groups: string } {
  if (effectiveRead === null) return { key: 'lines.everyone', groups: '' };
  if (effectiveRead.length === 0) return { key: 'lines.nobody', groups: '' };
  return { key: '', groups: effectiveRead.join(', ') };
}
